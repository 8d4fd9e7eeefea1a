using System.Globalization;
using System.Text.RegularExpressions;

namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// Recognizes ISO dates (2025-03-31), German dates (31.3.2025, 31.03.25, 31.3.), English dates
/// (3/31/2025 for en-US and plain "en", 31/3/2025 for other English locales), and the relative words
/// today/heute, tomorrow/morgen, day after tomorrow/übermorgen, "in N days"/"in N Tagen". A day and
/// month without a year is the next such date on or after today. Impossible dates are not recognized.
/// </summary>
public sealed partial class DefaultDateRecognizer : IDateRecognizer
{
    public static DefaultDateRecognizer Instance { get; } = new();

    public ValueTask<DateOnly?> RecognizeAsync(string? text, string? locale, DateOnly today, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Recognize(text, locale, today));

    /// <inheritdoc cref="IDateRecognizer.RecognizeAsync"/>
    public static DateOnly? Recognize(string? text, string? locale, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > TextNormalizer.MaxRecognizedLength)
            return null;

        if (IsoDate().Match(text) is { Success: true } iso)
            return Create(Int(iso, "y"), Int(iso, "m"), Int(iso, "d"));
        if (DottedDate().Match(text) is { Success: true } dotted)
            return WithYear(dotted, Int(dotted, "d"), Int(dotted, "m"), today);
        if (SlashedDate().Match(text) is { Success: true } slashed)
        {
            var (a, b) = (Int(slashed, "a"), Int(slashed, "b"));
            var monthFirst = locale is null || locale.Equals("en", StringComparison.OrdinalIgnoreCase) || locale.Equals("en-US", StringComparison.OrdinalIgnoreCase);
            return monthFirst ? WithYear(slashed, b, a, today) : WithYear(slashed, a, b, today);
        }

        var words = TextNormalizer.Normalize(text);
        if (InDays().Match(words) is { Success: true } inDays && int.TryParse(inDays.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 3660)
            return today.AddDays(days);
        if (TextNormalizer.ContainsWords(words, "day after tomorrow") || TextNormalizer.ContainsWords(words, "ubermorgen"))
            return today.AddDays(2);
        if (TextNormalizer.ContainsWords(words, "tomorrow") || TextNormalizer.ContainsWords(words, "morgen"))
            return today.AddDays(1);
        if (TextNormalizer.ContainsWords(words, "today") || TextNormalizer.ContainsWords(words, "heute"))
            return today;
        return null;
    }

    private static DateOnly? WithYear(Match match, int day, int month, DateOnly today)
    {
        if (match.Groups["y"].Success)
        {
            var year = Int(match, "y");
            return Create(year < 100 ? 2000 + year : year, month, day);
        }
        var thisYear = Create(today.Year, month, day);
        if (thisYear is { } date && date >= today)
            return date;
        return Create(today.Year + 1, month, day);
    }

    private static DateOnly? Create(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Int(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\.\s?(?<m>\d{1,2})\.(?:\s?(?<y>\d{4}|\d{2}))?(?!\d)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"(?<!\d)(?<a>\d{1,2})/(?<b>\d{1,2})(?:/(?<y>\d{4}|\d{2}))?(?!\d)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex SlashedDate();

    [GeneratedRegex(@"\bin (?<n>\d{1,4}) (?:days?|tagen?)\b", RegexOptions.CultureInvariant, 200)]
    private static partial Regex InDays();
}
