using System.Collections.Frozen;
using System.Globalization;
using Dunning.Bot.Core.Domain;
using Fluid;

namespace Dunning.Bot.Core.Messages;

/// <summary>
/// Every sentence the bot says, loaded from <c>dialogs/&lt;dialog&gt;.&lt;lang&gt;.yaml</c>. Templates are
/// parsed once at load; rendering is thread-safe and allocates only the output and a small context.
/// Load with <see cref="FromTexts(IEnumerable{KeyValuePair{string, string}}, MessageCatalogueOptions?)"/> (the host reads the folder), then check <see cref="Validate"/> (or call
/// <see cref="EnsureValid"/> at start-up to fail fast). The format is described in <c>dialogs/README.md</c>.
/// </summary>
public sealed partial class MessageCatalogue
{
    /// <summary>Core domain types templates may read members of (e.g. <c>invoice.number</c>).</summary>
    private static readonly Type[] DomainTypes =
    [
        typeof(Money), typeof(Debtor), typeof(Invoice), typeof(InvoiceLine), typeof(Payment),
        typeof(Instalment), typeof(PaymentAgreement), typeof(DunningPause), typeof(ContactAddress),
    ];

    private readonly FrozenDictionary<(string Dialog, string Language), DialogFile> _files;
    private readonly IReadOnlyList<CatalogueProblem> _problems;
    private readonly TemplateOptions _templateOptions;
    private readonly FrozenDictionary<string, CultureInfo> _cultures;

    private MessageCatalogue(
        IEnumerable<DialogFile> files, IReadOnlyList<CatalogueProblem> problems, TemplateOptions templateOptions, MessageCatalogueOptions options)
    {
        _files = files.ToFrozenDictionary(f => (f.Dialog, f.Language));
        _problems = problems;
        _templateOptions = templateOptions;
        Languages = _files.Keys.Select(k => k.Language).Distinct().Order(StringComparer.Ordinal).ToArray();
        _cultures = Languages.ToFrozenDictionary(l => l, options.CultureFor, StringComparer.Ordinal);
    }

    /// <summary>Languages that have at least one dialog file, e.g. <c>de</c>, <c>en</c>.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>
    /// Renders one variant of <paramref name="key"/> from <paramref name="dialog"/> in <paramref name="language"/>
    /// (<c>de</c>, <c>de-DE</c> and <c>DE</c> are the same). The model is a dictionary of top-level variables or an
    /// object whose public properties become variables by their snake_case names. A seed picks the variant
    /// deterministically (see <see cref="VariantSeed"/>); without one the variants take turns.
    /// </summary>
    /// <exception cref="MessageKeyNotFoundException">The dialog, language or key does not exist.</exception>
    /// <exception cref="ArgumentException">The model lacks a variable the message reads.</exception>
    public string Render(string dialog, string key, string language, IReadOnlyDictionary<string, object?>? model = null, int? variantSeed = null) =>
        RenderModel(dialog, key, language, model, variantSeed);

    /// <inheritdoc cref="Render(string, string, string, IReadOnlyDictionary{string, object?}?, int?)"/>
    public string Render(string dialog, string key, string language, object model, int? variantSeed = null) =>
        RenderModel(dialog, key, language, model, variantSeed);

    /// <summary>The label of button <paramref name="key"/> in <paramref name="dialog"/> and <paramref name="language"/>.</summary>
    /// <exception cref="MessageKeyNotFoundException">The dialog, language or key does not exist.</exception>
    public string Button(string dialog, string key, string language)
    {
        var file = File(dialog, language);
        return file.Buttons.TryGetValue(key, out var button)
            ? button.Label
            : throw new MessageKeyNotFoundException($"No button '{key}' in {file.FileName}.");
    }

    /// <summary>The culture that formats money, dates and numbers in <paramref name="language"/> (invariant for a language without files).</summary>
    public CultureInfo Culture(string language) => _cultures.TryGetValue(Normalize(language), out var culture) ? culture : CultureInfo.InvariantCulture;

    /// <summary>
    /// The locale a channel should see on what the bot says in <paramref name="language"/> (<c>de</c> → <c>de-DE</c>,
    /// <c>en</c> → <c>en-GB</c>, option <c>Messages:Cultures</c>); the language itself when it has no dialog files.
    /// </summary>
    public string Locale(string language) =>
        _cultures.TryGetValue(Normalize(language), out var culture) ? culture.Name : language;

    /// <summary>True when the message exists in that dialog and language.</summary>
    public bool HasMessage(string dialog, string key, string language) =>
        _files.TryGetValue((dialog, Normalize(language)), out var file) && file.Messages.ContainsKey(key);

    /// <summary>How many variants the message has in that language (for tests and tooling).</summary>
    public int VariantCount(string dialog, string key, string language) => Entry(dialog, key, language).Variants.Count;

    private string RenderModel(string dialog, string key, string language, object? model, int? variantSeed)
    {
        var entry = Entry(dialog, key, language);
        var variant = entry.Pick(variantSeed);
        if (variant.Parsed is null)
            throw new InvalidOperationException($"Message '{dialog}.{key}' ({Normalize(language)}) has a template that does not parse; see the catalogue's problems.");

        var context = new TemplateContext(_templateOptions) { CultureInfo = _cultures[Normalize(language)] };
        var given = entry.Roots.Count == 0 ? null : new HashSet<string>(StringComparer.Ordinal);
        ModelReader.Read(model, (name, value) =>
        {
            context.SetValue(name, value);
            given?.Add(name);
        });
        if (given is not null && entry.Roots.FirstOrDefault(r => !given.Contains(r)) is { } missing)
            throw new ArgumentException($"Message '{dialog}.{key}' reads variable '{missing}', which the model does not provide.", nameof(model));

        return variant.Parsed.Render(context, NullEncoder.Default);
    }

    private MessageEntry Entry(string dialog, string key, string language)
    {
        var file = File(dialog, language);
        return file.Messages.TryGetValue(key, out var entry)
            ? entry
            : throw new MessageKeyNotFoundException($"No message '{key}' in {file.FileName}.");
    }

    private DialogFile File(string dialog, string language)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var lang = Normalize(language);
        return _files.TryGetValue((dialog, lang), out var file)
            ? file
            : throw new MessageKeyNotFoundException($"No dialog file {dialog}.{lang}.yaml (languages loaded: {string.Join(", ", Languages)}).");
    }

    private static string Normalize(string language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        // Called for every message and button looked up: the two-character search allocates no array.
        var cut = language.AsSpan().IndexOfAny('-', '_');
        return (cut > 0 ? language[..cut] : language).ToLowerInvariant();
    }
}
