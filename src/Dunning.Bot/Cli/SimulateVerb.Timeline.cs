using System.Globalization;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Scheduling;
using Dunning.Bot.Scheduling;

namespace Dunning.Bot.Cli;

internal sealed partial class SimulateVerb
{
    /// <summary>
    /// <c>YYYY-MM-DD HH:MM  stage  invoices  what happened (rule)</c>, times in the debtor's zone. Checks that found
    /// nothing due, or waited for a message still in the outbox, are left out.
    /// </summary>
    internal static async Task WriteTimelineAsync(TextWriter output, Debtor debtor, bool assumedChat, IReadOnlyList<ScheduleSimulation.Event> events)
    {
        var zone = debtor.TimeZoneInfo;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{debtor.Id} {debtor.Name} ({debtor.TimeZone}, {debtor.Country}{(debtor.State is null ? "" : "-" + debtor.State)})"
            + (assumedChat ? $" — no bound chat yet, a {ScheduleSimulation.AssumedChannel} chat is assumed" : ""));
        var lines = 0;
        foreach (var (at, result) in events)
        {
            var what = Describe(result, zone);
            if (what is null)
                continue;
            lines++;
            if (what.Length > 0)
                await output.WriteLineAsync($"  {Local(at, zone)}  {result.StageKey ?? "-",-18} {string.Join(",", result.InvoiceNumbers),-16} {what}");
            foreach (var escalated in result.Escalated)
                await output.WriteLineAsync($"  {Local(at, zone)}  {escalated,-18} {"",-16} escalated to the owner ({EscalationReasonOf(escalated)})");
        }
        if (lines == 0)
            await output.WriteLineAsync("  nothing due in this period");
    }

    private static string? Describe(PlanResult result, TimeZoneInfo zone) => result.Outcome switch
    {
        PlanOutcome.Enqueued => $"sent{Deadline(result.Entry)} ({result.Reason})",
        PlanOutcome.Deferred => $"moved to {Local(result.At!.Value, zone)} ({result.Reason})",
        PlanOutcome.Suppressed => $"suppressed ({result.Reason})",
        _ when result.Escalated.Count > 0 => "",
        _ => null,
    };

    /// <summary>Agreement follow-ups escalate a broken promise; ladder stages their final stage.</summary>
    private static string EscalationReasonOf(string stageKey) =>
        stageKey.StartsWith(OutboxKinds.FollowUp + ".", StringComparison.Ordinal) ? "broken_promise" : "final_stage";

    private static string Deadline(OutboxEntry? entry) =>
        entry?.Items.Max(i => i.Deadline) is { } deadline ? string.Create(CultureInfo.InvariantCulture, $", deadline {deadline:yyyy-MM-dd}") : "";

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
