using System.Collections.Frozen;

namespace Dunning.Bot.Core.Understanding;

/// <summary>One language's understanding data, compiled for matching: every word is stored as its key (see <see cref="Key"/>).</summary>
internal sealed partial class LanguageModel
{
    public required string Code { get; init; }
    public required FrozenSet<string> Stopwords { get; init; }
    public required FrozenSet<string> Vocabulary { get; init; }
    public required FrozenDictionary<string, string> Contractions { get; init; }
    public required FrozenDictionary<string, string[]> Replacements { get; init; }
    public required FrozenSet<string> Negations { get; init; }
    public required PhraseIndex PastMarkers { get; init; }
    public required PhraseIndex FutureMarkers { get; init; }
    public required PhraseIndex Permission { get; init; }
    public required PhraseIndex Injection { get; init; }
    public required string[] InjectionMarkers { get; init; }
    public required PhraseIndex Intents { get; init; }

    /// <summary>Phrases that settle the intent on their own, whatever the statistical model thinks (payload: the intent).</summary>
    public required PhraseIndex Precise { get; init; }
    public required DateWords Dates { get; init; }
    public required NumberWords Numbers { get; init; }
    public required FrozenDictionary<string, string> Currencies { get; init; }
    public required FrozenSet<string> InstalmentUnits { get; init; }
    public required FrozenSet<string> HalfWords { get; init; }
    public required FrozenSet<string> RestWords { get; init; }
    public required FrozenSet<string> NowWords { get; init; }
    public required FrozenSet<string> InvoiceKeywords { get; init; }
    public required TypoIndex Typos { get; init; }

    public bool IsGerman => Code == "de";

    /// <summary>The matching key of a folded word in this language.</summary>
    public string Key(string folded) => IsGerman ? Folding.GermanKey(folded) : folded;
}

/// <summary>Date words of one language, as keys.</summary>
internal sealed class DateWords
{
    public required bool MonthFirst { get; init; }
    public required PhraseIndex Relative { get; init; }
    public required FrozenSet<string> TimeOfDayBefore { get; init; }
    public required FrozenDictionary<string, DayOfWeek> Weekdays { get; init; }
    public required FrozenSet<string> LastWords { get; init; }
    public required FrozenDictionary<string, int> Months { get; init; }
    public required FrozenDictionary<string, string> Parts { get; init; }
    public required FrozenDictionary<string, string> Units { get; init; }
    public required FrozenSet<string> AgoBefore { get; init; }
    public required FrozenSet<string> AgoAfter { get; init; }
    public required FrozenSet<string> PeriodPrepositions { get; init; }
    public required string[] OrdinalSuffixes { get; init; }

    /// <summary>Words before a bare day number that make it a date: "am 1.", "on the 15th".</summary>
    public required FrozenSet<string> DayPrepositions { get; init; }

    /// <summary>"erste" → 1 in "erste Januarwoche"/"first week of January": the week's last day is the date.</summary>
    public required FrozenDictionary<string, int> WeekOrdinals { get; init; }

    /// <summary>Holidays with a fixed day: "weihnachten" → (24, 12).</summary>
    public required FrozenDictionary<string, (int Day, int Month)> Holidays { get; init; }

    /// <summary>Words that make a holiday an open-ended start ("nach Weihnachten"): no date.</summary>
    public required FrozenSet<string> OpenAfter { get; init; }
}
