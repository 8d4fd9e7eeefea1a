namespace Dunning.Bot.Core.Understanding;

/// <summary>The shape of <c>dialogs/understanding.&lt;lang&gt;.yaml</c> as written by an owner (snake_case keys).</summary>
internal sealed class UnderstandingFile
{
    public string Language { get; set; } = "";
    public List<string> Stopwords { get; set; } = [];
    public Dictionary<string, string> Contractions { get; set; } = [];
    public Dictionary<string, string> Replacements { get; set; } = [];
    public List<string> Negations { get; set; } = [];
    public List<string> PastMarkers { get; set; } = [];
    public List<string> FutureMarkers { get; set; } = [];
    public List<string> Permission { get; set; } = [];
    public List<string> Injection { get; set; } = [];
    public List<string> InjectionMarkers { get; set; } = [];
    public Dictionary<string, IntentSection> Intents { get; set; } = [];
    public Dictionary<string, List<string>?> Precise { get; set; } = [];
    public DatesSection Dates { get; set; } = new();
    public NumbersSection Numbers { get; set; } = new();
    public Dictionary<string, string> Currencies { get; set; } = [];
    public InstalmentsSection Instalments { get; set; } = new();
    public List<string> InvoiceKeywords { get; set; } = [];
}

internal sealed class IntentSection
{
    public double Weight { get; set; } = 1;
    public List<string> Phrases { get; set; } = [];
}

internal sealed class DatesSection
{
    public string NumericOrder { get; set; } = "dmy";
    public Dictionary<string, string> Relative { get; set; } = [];
    public List<string> TimeOfDayBefore { get; set; } = [];
    public Dictionary<string, int> Weekdays { get; set; } = [];
    public List<string> LastWords { get; set; } = [];
    public Dictionary<string, int> Months { get; set; } = [];
    public Dictionary<string, string> Parts { get; set; } = [];
    public Dictionary<string, string> Units { get; set; } = [];
    public List<string> AgoBefore { get; set; } = [];
    public List<string> AgoAfter { get; set; } = [];
    public List<string> PeriodPrepositions { get; set; } = [];
    public List<string> OrdinalSuffixes { get; set; } = [];
    public List<string> DayPrepositions { get; set; } = [];
    public Dictionary<string, int> WeekOrdinals { get; set; } = [];
    public Dictionary<string, string> Holidays { get; set; } = [];
    public List<string> OpenAfter { get; set; } = [];
}

internal sealed class NumbersSection
{
    public Dictionary<string, int> Words { get; set; } = [];
    public Dictionary<string, int> Multipliers { get; set; } = [];
    public List<string> Joiners { get; set; } = [];
    public List<string> NotMoney { get; set; } = [];
}

internal sealed class InstalmentsSection
{
    public List<string> Units { get; set; } = [];
    public List<string> Half { get; set; } = [];
    public List<string> Rest { get; set; } = [];
    public List<string> Now { get; set; } = [];
}
