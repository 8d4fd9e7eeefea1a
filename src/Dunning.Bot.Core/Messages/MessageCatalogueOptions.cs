using System.Globalization;

namespace Dunning.Bot.Core.Messages;

/// <summary>Where the dialog wording lives and how it is formatted; bound from the <c>Messages</c> section.</summary>
public sealed class MessageCatalogueOptions
{
    public const string SectionName = "Messages";

    /// <summary>The folder holding <c>&lt;dialog&gt;.&lt;lang&gt;.yaml</c>; relative paths start at the content root.</summary>
    public string Directory { get; set; } = "dialogs";

    /// <summary>
    /// Languages every dialog must be written in (empty = de and en). Files in further languages are loaded and
    /// checked too. Empty by default because configuration binding appends to a pre-filled list.
    /// </summary>
    public IList<string> RequiredLanguages { get; set; } = [];

    /// <summary><see cref="RequiredLanguages"/>, or de and en when none are configured.</summary>
    public IReadOnlyList<string> EffectiveRequiredLanguages => RequiredLanguages.Count > 0 ? [.. RequiredLanguages] : ["de", "en"];

    /// <summary>
    /// The culture that formats money, dates and percentages per language. <c>en</c> defaults to en-GB:
    /// an EU product writes "26 November 2026" and "€1,234.56", not US month-first dates.
    /// </summary>
    public IDictionary<string, string> Cultures { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "de-DE",
        ["en"] = "en-GB",
    };

    /// <summary>
    /// The pattern of <c>{{ d | date }}</c> per language (.NET custom format). German chat writes the numeric
    /// "26.11.2026"; English spells the month, since "11/26" vs "26/11" is ambiguous between readers.
    /// </summary>
    public IDictionary<string, string> DateFormats { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "dd.MM.yyyy",
        ["en"] = "d MMMM yyyy",
    };

    /// <summary>The pattern of <c>{{ d | date: "long" }}</c> per language.</summary>
    public IDictionary<string, string> LongDateFormats { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "d. MMMM yyyy",
        ["en"] = "d MMMM yyyy",
    };

    /// <summary>The currency the <c>money</c> filter assumes for a bare number given without a currency argument.</summary>
    public string DefaultCurrency { get; set; } = "EUR";

    /// <summary>
    /// Dialog names (the part before the language) that belong to other components and are not message files,
    /// e.g. <c>understanding.de.yaml</c> holds the intent examples of the understanding component.
    /// </summary>
    public IReadOnlyList<string> ReservedNames { get; } = ["understanding"];

    /// <summary>Extra model types whose public properties templates may read (the Core domain types are always allowed).</summary>
    public IList<Type> ModelTypes { get; set; } = [];

    internal CultureInfo CultureFor(string language) =>
        Cultures.TryGetValue(language, out var name) ? CultureInfo.GetCultureInfo(name) : CultureInfo.GetCultureInfo(language);
}
