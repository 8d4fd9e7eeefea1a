using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// When the <see cref="DunningLadder"/>'s stages fall for one debtor: the stage due today per invoice, and when to look at
/// the case next (turned into allowed instants by the <see cref="ContactRules"/>). Reads and writes nothing.
/// </summary>
public sealed class LadderCalendar(DunningLadder ladder, ContactRules contact, IOptions<ReminderPlannerOptions> options)
{
    private readonly ReminderPlannerOptions settings = options.Value;

    /// <summary>
    /// The stage due today for each dunnable invoice (at most one per invoice: the ladder never bursts). A stage that
    /// requires a delivered reminder (<see cref="DunningStage.RequiresDelivery"/>) whose previous reminder has not arrived is
    /// left out and its invoice added to <paramref name="held"/>. <paramref name="sentToday"/>: invoices reminded in this step.
    /// </summary>
    public List<(Invoice Invoice, StageDue Due)> Due(Debtor debtor, DunningCase dunningCase, IReadOnlyList<Invoice> all,
        DateTimeOffset now, DateOnly today, IReadOnlyDictionary<string, DateOnly>? sentToday, List<string>? held)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(dunningCase);
        ArgumentNullException.ThrowIfNull(all);
        var due = new List<(Invoice, StageDue)>();
        foreach (var invoice in all)
        {
            if (!invoice.IsDunnable(now))
                continue;
            if (ladder.Due(invoice, debtor.Kind, dunningCase.StageOf(invoice.Number), LastSentOn(debtor, dunningCase, invoice.Number, sentToday), today,
                ladder.NonWorkingDays(debtor)) is not { } stage)
                continue;
            if (stage.Stage.RequiresDelivery(debtor.Kind) && !ProactiveHistory.LastReminderDelivered(dunningCase, invoice.Number))
                held?.Add(invoice.Number);
            else
                due.Add((invoice, stage));
        }
        return due;
    }

    /// <summary>
    /// When to look at the case next: the earliest next ladder date of any dunnable invoice (turned into the first allowed
    /// instant of that day in the debtor's zone), the end of a pause with an expiry, or the next follow-up check. Paid,
    /// disputed and written-off invoices wait for whoever changes them to touch the case. Null when nothing is pending.
    /// </summary>
    public DateTimeOffset? NextAction(Debtor debtor, DunningCase dunningCase, IReadOnlyList<Invoice> all, DateTimeOffset now,
        IReadOnlyDictionary<string, DateOnly>? sentToday, DateOnly? followUpCheck)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(dunningCase);
        ArgumentNullException.ThrowIfNull(all);
        DateOnly? day = followUpCheck;
        DateTimeOffset? instant = null;
        foreach (var invoice in all)
        {
            var status = invoice.StatusAt(now);
            if (status == InvoiceStatus.Paused && invoice.Pause?.Until is { } until)
                instant = Min(instant, until);
            if (status is not (InvoiceStatus.Open or InvoiceStatus.PartiallyPaid))
                continue;
            var next = ladder.NextDueDate(invoice.DueDate, dunningCase.StageOf(invoice.Number), LastSentOn(debtor, dunningCase, invoice.Number, sentToday),
                ladder.NonWorkingDays(debtor));
            if (next is { } d && (day is null || d < day))
                day = d;
        }
        if (day is { } date)
            instant = Min(instant, contact.NextAllowedInstant(debtor, date) ?? contact.NextAllowedInstant(debtor, now.AddDays(1)));
        // Something already due that could not go out now must not spin the sweep: look again a little later.
        var floor = now.AddMinutes(settings.InFlightRecheckMinutes);
        return instant is { } at && at <= now ? floor : instant;
    }

    private DateOnly? LastSentOn(Debtor debtor, DunningCase dunningCase, string number, IReadOnlyDictionary<string, DateOnly>? sentToday) =>
        sentToday is not null && sentToday.TryGetValue(number, out var day) ? day
        : ProactiveHistory.LastReminderAbout(dunningCase, number) is { } at ? contact.LocalDate(debtor, at)
        : null;

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
