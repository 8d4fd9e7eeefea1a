using System.Globalization;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Scheduling;

namespace Dunning.Bot.Cli;

internal sealed partial class SimulateVerb
{
    /// <summary>
    /// <c>YYYY-MM-DD HH:MM  stage  invoices  what happened (rule)</c>, times in the debtor's zone, in order: reminders with
    /// their deadline, the last offers they made (<paramref name="offers"/>), and escalations with the answer promised,
    /// on the owner's clock (<paramref name="ownerZone"/>). Checks that found nothing due, or waited for a message still in
    /// the outbox, are left out.
    /// </summary>
    internal static async Task WriteTimelineAsync(TextWriter output, Debtor debtor, bool assumedChat, IReadOnlyList<ScheduleSimulation.Event> events,
        IReadOnlyList<CaseAction> offers, IReadOnlyList<Escalation> escalations, TimeZoneInfo ownerZone)
    {
        var zone = debtor.TimeZoneInfo;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{debtor.Id} {debtor.Name} ({debtor.TimeZone}, {debtor.Country}{(debtor.State is null ? "" : "-" + debtor.State)})"
            + (assumedChat ? $" — no bound chat yet, a {ScheduleSimulation.AssumedChannel} chat is assumed" : ""));
        var lines = new List<(DateTimeOffset At, string Text)>();
        foreach (var (at, result) in events)
        {
            if (Describe(result, zone) is { Length: > 0 } what)
                lines.Add((at, $"  {Local(at, zone)}  {result.StageKey ?? "-",-18} {string.Join(",", result.InvoiceNumbers),-16} {what}"));
        }
        foreach (var offer in offers)
            lines.Add((offer.At, $"  {Local(offer.At, zone)}  {"last offer",-18} {string.Join(",", offer.InvoiceNumbers ?? []),-16} {OfferText(offer.Summary)}"));
        foreach (var escalation in escalations)
        {
            lines.Add((escalation.RaisedAt, $"  {Local(escalation.RaisedAt, zone)}  {"escalation",-18} {string.Join(",", escalation.InvoiceNumbers),-16} "
                + $"escalated to the owner ({WireName(escalation.Reason)}), answer promised by {Local(escalation.RespondBy ?? escalation.RaisedAt, ownerZone)} owner time"));
        }
        foreach (var (_, text) in lines.OrderBy(l => l.At))
            await output.WriteLineAsync(text);
        if (lines.Count == 0)
            await output.WriteLineAsync("  nothing due in this period");
    }

    /// <summary>The offer as the case history records it, without its prefix: "discount 3%, 469.12 EUR by 2026-12-22, valid until 2026-12-22".</summary>
    private static string OfferText(string summary) =>
        summary.StartsWith("Last offer: ", StringComparison.Ordinal) ? summary["Last offer: ".Length..] : summary;

    /// <summary>FinalStage → final_stage.</summary>
    private static string WireName(EscalationReason reason) =>
        string.Concat(reason.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string? Describe(PlanResult result, TimeZoneInfo zone) => result.Outcome switch
    {
        PlanOutcome.Enqueued => $"sent{Deadline(result.Entry)} ({result.Reason})",
        PlanOutcome.Deferred => $"moved to {Local(result.At!.Value, zone)} ({result.Reason})",
        PlanOutcome.Suppressed => $"suppressed ({result.Reason})",
        _ => null,
    };

    private static string Deadline(OutboxEntry? entry) =>
        entry?.Items.Max(i => i.Deadline) is { } deadline ? string.Create(CultureInfo.InvariantCulture, $", deadline {deadline:yyyy-MM-dd}") : "";

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
