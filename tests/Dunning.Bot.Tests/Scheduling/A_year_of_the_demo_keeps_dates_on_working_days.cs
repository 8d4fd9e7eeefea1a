using Dunning.Bot.Storage.LiteDb;
using Microsoft.Extensions.Options;
using Dunning.Bot.Core.Claims;
using System.Globalization;
using System.Text.RegularExpressions;
using Dunning.Bot.Cli;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Dunning.Bot.Tests.Storage;

namespace Dunning.Bot.Tests.Scheduling;

/// <summary>
/// <c>simulate --days 365</c> on the demo data: every deadline a reminder states and every last offer's date falls on a
/// working day of that debtor's region (§193 BGB), and every answer promised to a debtor falls within the owner's business
/// hours (default: Monday to Friday 09:00–17:00 in Europe/Berlin, closed on German public holidays).
/// </summary>
public sealed partial class A_year_of_the_demo_keeps_dates_on_working_days
{
    private static readonly HolidayCalendar Calendar = new();

    [Theory]
    [InlineData("2026-11-27")]
    [InlineData("2026-12-18")]
    public async Task No_deadline_on_a_weekend_or_holiday_and_no_promised_answer_outside_business_hours(string today)
    {
        var output = await SimulateDemoYearAsync(today);

        var deadlines = 0;
        var offers = 0;
        var answers = 0;
        string? country = null;
        string? state = null;
        foreach (var line in output.Split('\n'))
        {
            if (Header().Match(line) is { Success: true } header)
            {
                (country, state) = (header.Groups["country"].Value, header.Groups["state"].Success ? header.Groups["state"].Value : null);
                continue;
            }
            foreach (Match date in Dates().Matches(line))
            {
                var day = DateOnly.ParseExact(date.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                Assert.True(IsWorkingDay(day, country!, state), $"{date.Value} is not a working day in {country}-{state}: {line}");
                if (date.Value.StartsWith("deadline", StringComparison.Ordinal))
                    deadlines++;
                else
                    offers++;
            }
            if (Answer().Match(line) is { Success: true } answer)
            {
                var at = DateTime.ParseExact(answer.Groups["at"].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                var day = DateOnly.FromDateTime(at);
                Assert.True(IsWorkingDay(day, "DE", null), $"answer on a closed day: {line}");
                Assert.True(at.TimeOfDay >= TimeSpan.FromHours(9) && at.TimeOfDay <= TimeSpan.FromHours(17), $"answer outside 09:00–17:00: {line}");
                answers++;
            }
        }
        // The check must have something to check: the demo's ladder runs through its discount stages and its escalation.
        Assert.True(deadlines >= 10, $"only {deadlines} deadlines in:\n{output}");
        Assert.True(offers >= 2, $"only {offers} offer dates in:\n{output}");
        Assert.True(answers >= 2, $"only {answers} promised answers in:\n{output}");
    }

    private static async Task<string> SimulateDemoYearAsync(string today)
    {
        using var database = new TempDatabase();
        var start = new DateTimeOffset(DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        using (var context = database.Open())
        {
            var demo = DemoData.Create(start, new ClaimLedger(Options.Create(new ClaimOptions()), new StatutoryInterest(Options.Create(new StatutoryInterestOptions())),
                new DunningLadder(Options.Create(new DunningLadderOptions()))));
            await new LiteInvoiceStore(context).SaveBatchAsync(demo.Debtors, demo.Invoices, demo.Cases, CancellationToken.None);
        }
        var config = Path.Combine(database.Folder, "config.json");
        await File.WriteAllTextAsync(config, $$"""{ "Storage": { "Path": "{{database.Path.Replace("\\", "\\\\", StringComparison.Ordinal)}}" } }""");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await new SimulateVerb().RunAsync(["--days", "365", "--today", today, "--config", config], output, error, CancellationToken.None);
        Assert.True(code == 0, error.ToString());
        return output.ToString();
    }

    private static bool IsWorkingDay(DateOnly day, string country, string? state) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Calendar.IsHoliday(day, country, state);

    [GeneratedRegex(@"^D-\d+ .*\((?<zone>[^,]+), (?<country>[A-Z]{2})(?:-(?<state>[A-Z]+))?\)")]
    private static partial Regex Header();

    [GeneratedRegex(@"(?:deadline|by|valid until) (?<day>\d{4}-\d{2}-\d{2})(?! \d{2}:)")]
    private static partial Regex Dates();

    [GeneratedRegex(@"answer promised by (?<at>\d{4}-\d{2}-\d{2} \d{2}:\d{2}) owner time")]
    private static partial Regex Answer();
}
