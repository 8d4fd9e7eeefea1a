using System.Globalization;

namespace Dunning.Bot.Intake;

/// <summary>Dates as <c>2026-11-26</c> or <c>26.11.2026</c>; slashes are refused because 11/12 is ambiguous.</summary>
internal static class CsvDates
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"];

    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public const string Expected = "expected a date like 2026-11-26 or 26.11.2026";
}
