using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>The document tables of migration 0001 and the columns each derives from its entity.</summary>
internal static class PostgreSqlTables
{
    public static DocumentTable<Debtor> Debtors { get; } = new("debtors", "id", d => d.Id, d => d.Version, (d, v) => d.Version = v,
        ("access_code", d => d.AccessCode), ("link_token", d => d.LinkToken));

    public static DocumentTable<Invoice> Invoices { get; } = new("invoices", "number", i => i.Number, i => i.Version, (i, v) => i.Version = v,
        ("debtor_id", i => i.DebtorId));

    public static DocumentTable<DunningCase> Cases { get; } = new("cases", "debtor_id", c => c.DebtorId, c => c.Version, (c, v) => c.Version = v,
        ("next_action_at", c => c.NextActionAt?.UtcTicks));

    public static DocumentTable<PaymentAgreement> Agreements { get; } = new("agreements", "id", a => a.Id, a => a.Version, (a, v) => a.Version = v,
        ("debtor_id", a => a.DebtorId), ("state", a => a.State.ToString()));

    public static DocumentTable<Escalation> Escalations { get; } = new("escalations", "id", e => e.Id, e => e.Version, (e, v) => e.Version = v,
        ("debtor_id", e => e.DebtorId), ("state", e => e.State.ToString()));

    public static DocumentTable<ConversationLink> Conversations { get; } = new("conversations", "key", l => l.Key, l => l.Version, (l, v) => l.Version = v,
        ("debtor_id", l => l.DebtorId), ("handoff", l => l.Handoff.ToString()));

    /// <summary>
    /// The outbox: due_at is when the dispatcher looks at an entry (a pending one at its next attempt, a sending one when
    /// its lease ends, a finished one never); awaiting_in and fallback_due serve the delivery receipts.
    /// </summary>
    public static DocumentTable<OutboxEntry> Outbox { get; } = new("outbox", "id", e => e.Id, e => e.Version, (e, v) => e.Version = v,
        ("key", e => e.Key), ("debtor_id", e => e.DebtorId), ("created_at", e => e.CreatedAt.UtcTicks),
        ("due_at", e => e.Status switch
        {
            OutboxStatus.Pending => e.NextAttemptAt.UtcTicks,
            OutboxStatus.Sending => e.LeaseUntil?.UtcTicks,
            _ => null,
        }),
        ("lease_id", e => e.LeaseId),
        ("awaiting_in", e => e.AwaitsReceipt ? e.ConversationKey : null),
        ("fallback_due", e => e.AwaitsReceipt && e.FallbackAt is null ? e.SentAt?.UtcTicks : null));
}
