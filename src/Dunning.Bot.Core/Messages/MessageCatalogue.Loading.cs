using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace Dunning.Bot.Core.Messages;

public sealed partial class MessageCatalogue
{
    [GeneratedRegex("^(?<dialog>[a-z][a-z0-9_]*)\\.(?<lang>[a-z]{2})\\.yaml$")]
    private static partial Regex FileName();

    /// <summary>
    /// Loads every <c>&lt;dialog&gt;.&lt;lang&gt;.yaml</c> directly in <paramref name="directory"/>, skipping
    /// <see cref="MessageCatalogueOptions.ReservedNames"/>. Never throws for bad content: problems are collected
    /// and returned by <see cref="Validate"/>.
    /// </summary>
    public static MessageCatalogue Load(string directory, MessageCatalogueOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            return FromTexts([], options, [new(directory, null, null,
                "the dialogs folder does not exist; set Messages:Directory to the folder holding <dialog>.<lang>.yaml.")]);
        }

        var files = System.IO.Directory.EnumerateFiles(directory)
            .Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(p => new KeyValuePair<string, string>(Path.GetFileName(p), System.IO.File.ReadAllText(p)));
        return FromTexts(files, options);
    }

    /// <summary>
    /// Loads dialog files given as (file name, text) pairs, e.g. embedded resources. The same naming rule and
    /// checks apply as for <see cref="Load(string, MessageCatalogueOptions?)"/>.
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
