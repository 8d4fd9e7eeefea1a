using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace Dunning.Bot.Core.Messages;

public sealed partial class MessageCatalogue
{
    [GeneratedRegex("^(?<dialog>[a-z][a-z0-9_]*)\\.(?<lang>[a-z]{2})\\.yaml$")]
    private static partial Regex FileName();

    /// <summary>
    /// The catalogue of a dialogs folder that does not exist: empty, with the one problem that says so (the host reads
    /// the folder; Core reads no files).
    /// </summary>
    public static MessageCatalogue FolderMissing(string directory, MessageCatalogueOptions? options = null) =>
        FromTexts([], options, [new(directory, null, null,
            "the dialogs folder does not exist; set Messages:Directory to the folder holding <dialog>.<lang>.yaml.")]);

    /// <summary>
    /// Loads dialog files given as (file name, text) pairs — the files of a dialogs folder, or embedded resources —
    /// skipping <see cref="MessageCatalogueOptions.ReservedNames"/>. Never throws for bad content: problems are collected
    /// and returned by <see cref="Validate"/>.
    /// </summary>
    public static MessageCatalogue FromTexts(IEnumerable<KeyValuePair<string, string>> files, MessageCatalogueOptions? options = null) =>
        FromTexts(files, options, []);

    private static MessageCatalogue FromTexts(
        IEnumerable<KeyValuePair<string, string>> files, MessageCatalogueOptions? options, List<CatalogueProblem> problems)
    {
        options ??= new MessageCatalogueOptions();
        var templateOptions = CreateTemplateOptions(options);
        var reader = new DialogFileReader(new TemplateCompiler(new FluidParser(), templateOptions), problems);
        var loaded = new List<DialogFile>();
        foreach (var (name, text) in files)
        {
            var match = FileName().Match(name);
            var reserved = options.ReservedNames.Any(r => name.StartsWith(r + ".", StringComparison.Ordinal));
            if (reserved)
                continue;
            if (!match.Success)
            {
                problems.Add(new(name, null, null,
                    "file name does not follow <dialog>.<lang>.yaml (lower case, e.g. invoice.de.yaml); the file is not loaded."));
                continue;
            }

            var file = new DialogFile(name, match.Groups["dialog"].Value, match.Groups["lang"].Value);
            reader.Read(file, text);
            loaded.Add(file);
        }

        CheckLanguages(loaded, options, problems);
        var ordered = problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line ?? 0).ToList();
        return new MessageCatalogue(loaded, ordered, templateOptions, options);
    }

    private static TemplateOptions CreateTemplateOptions(MessageCatalogueOptions options)
    {
        var templateOptions = new TemplateOptions();
        templateOptions.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in DomainTypes.Concat(options.ModelTypes))
            templateOptions.MemberAccessStrategy.Register(type);
        // Fluid would print a DateOnly with its invariant ToString ("11/26/2026"); as a date value it reaches the date filter.
        templateOptions.ValueConverters.Add(value => value is DateOnly date ? new DateTimeValue(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : null);
        new MessageFilters(options).Register(templateOptions.Filters);
        return templateOptions;
    }
}
