using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Reminders;

/// <summary>What a case's history says about earlier proactive messages (the dispatcher records each one it sent).</summary>
public static class ProactiveHistory
{
    /// <summary>Case-history kinds that were proactive messages to the debtor (they count against the contact caps).</summary>
    public static readonly IReadOnlySet<string> ProactiveKinds = new HashSet<string>(StringComparer.Ordinal) { CaseActionKinds.Reminder };

    /// <summary>
    /// Ends the summary of a reminder whose channel has not confirmed its arrival yet (a web chat message nobody fetched);
    /// a later <see cref="CaseActionKinds.Delivered"/> action about its invoices confirms it.
    /// </summary>
    public const string AwaitingDelivery = "not yet delivered";

    /// <summary>Send instants of proactive messages after <paramref name="since"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> SentSince(DunningCase dunningCase, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(dunningCase);
        return [.. dunningCase.History.Where(a => ProactiveKinds.Contains(a.Kind) && a.At > since).Select(a => a.At)];
    }

    /// <summary>
    /// As <see cref="SentSince"/>, without web chat reminders nobody has fetched (no delivery recorded about their invoices
    /// since): for the e-mail that replaces such a reminder, which the debtor never saw.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> ArrivedSince(DunningCase dunningCase, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(dunningCase);
        return [.. dunningCase.History.Where(a => ProactiveKinds.Contains(a.Kind) && a.At > since && (!IsAwaiting(a)
            || dunningCase.History.Any(d => d.Kind == CaseActionKinds.Delivered && d.At >= a.At && d.InvoiceNumbers?.Intersect(a.InvoiceNumbers ?? []).Any() == true)))
            .Select(a => a.At)];
    }

    /// <summary>The latest instant a reminder about <paramref name="invoiceNumber"/> was sent, or null.</summary>
    public static DateTimeOffset? LastReminderAbout(DunningCase dunningCase, string invoiceNumber)
    {
        ArgumentNullException.ThrowIfNull(dunningCase);
        DateTimeOffset? last = null;
        foreach (var action in dunningCase.History)
        {
            if (action.Kind == CaseActionKinds.Reminder && action.InvoiceNumbers?.Contains(invoiceNumber) == true && (last is null || action.At > last))
                last = action.At;
        }
        return last;
    }

    /// <summary>
    /// Whether the latest reminder about <paramref name="invoiceNumber"/> arrived (true when there was none): it was not
    /// recorded as <see cref="AwaitingDelivery"/>, or a delivery about it is recorded at or after it. (Histories written
    /// before deliveries were recorded count as delivered.)
    /// </summary>
    public static bool LastReminderDelivered(DunningCase dunningCase, string invoiceNumber)
    {
        ArgumentNullException.ThrowIfNull(dunningCase);
        CaseAction? last = null;
        foreach (var action in dunningCase.History)
        {
            if (action.Kind == CaseActionKinds.Reminder && action.InvoiceNumbers?.Contains(invoiceNumber) == true && (last is null || action.At >= last.At))
                last = action;
        }
        if (last is null || !IsAwaiting(last))
            return true;
        return dunningCase.History.Any(a => a.Kind == CaseActionKinds.Delivered && a.At >= last.At && a.InvoiceNumbers?.Contains(invoiceNumber) == true);
    }

    /// <summary>
    /// When each reminder about <paramref name="invoiceNumber"/> reached the debtor, oldest first: a reminder recorded as
    /// awaiting delivery counts from the first delivery about the invoice at or after it, and not at all before one.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> RemindersReceived(DunningCase dunningCase, string invoiceNumber)
    {
        ArgumentNullException.ThrowIfNull(dunningCase);
        var received = new List<DateTimeOffset>();
        foreach (var reminder in dunningCase.History.Where(a => a.Kind == CaseActionKinds.Reminder && a.InvoiceNumbers?.Contains(invoiceNumber, StringComparer.Ordinal) == true))
        {
            if (!IsAwaiting(reminder))
                received.Add(reminder.At);
            else if (dunningCase.History.Where(d => d.Kind == CaseActionKinds.Delivered && d.At >= reminder.At && d.InvoiceNumbers?.Contains(invoiceNumber, StringComparer.Ordinal) == true)
                .Select(d => (DateTimeOffset?)d.At).Min() is { } at)
                received.Add(at);
        }
        received.Sort();
        return received;
    }

    private static bool IsAwaiting(CaseAction reminder) => reminder.Summary.Contains(AwaitingDelivery, StringComparison.Ordinal);
}
