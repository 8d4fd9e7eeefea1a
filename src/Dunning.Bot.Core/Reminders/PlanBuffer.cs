using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// Collects the planner's writes (each: the debtor's case, with the outbox entry to enqueue if any) so a sweep can
/// commit a whole page in one transaction with <see cref="Ports.IOutbox.CommitAsync"/>. Each write keeps its own
/// all-or-nothing meaning: a case that changed meanwhile, or a key already taken, skips that write only.
/// <para>
/// It also carries what <see cref="ReminderPlanner.PreloadAsync"/> bulk-loaded for the page (debtors, cases, invoices,
/// outbox entries, conversation links, running agreements), so planning a preloaded debtor reads nothing more from the stores. A debtor
/// not preloaded is read one by one as before.
/// </para>
/// </summary>
public sealed class PlanBuffer
{
    private readonly List<PendingWrite> writes = [];
    private readonly Dictionary<string, DebtorData> loaded = new(StringComparer.Ordinal);

    public IReadOnlyList<PendingWrite> Writes => writes;

    /// <summary>Adds a write; <paramref name="afterCommit"/> is to run only if it lands (see <see cref="AfterCommit"/>).</summary>
    public void Add(DunningCase dunningCase, OutboxEntry? entry, IReadOnlyList<Func<CancellationToken, Task>>? afterCommit = null) =>
        writes.Add(new PendingWrite(dunningCase, entry) { AfterCommit = afterCommit ?? [] });

    /// <summary>
    /// The actions of the writes that landed (<paramref name="landed"/>: the commit's answer, per write), in order: agreement
    /// follow-ups applied only once their message is durably in the outbox. The caller runs each; one that fails is
    /// repaired by the next planning of that debtor (which finds the message's key taken and applies again).
    /// </summary>
    public IEnumerable<Func<CancellationToken, Task>> AfterCommit(IReadOnlyList<bool> landed)
    {
        ArgumentNullException.ThrowIfNull(landed);
        return writes.Where((_, i) => i < landed.Count && landed[i]).SelectMany(w => w.AfterCommit);
    }

    /// <summary>Remembers a debtor's data, loaded before planning; the planner then uses it instead of reading it again.</summary>
    internal void Preloaded(string debtorId, DebtorData data) => loaded[debtorId] = data;

    internal bool TryGetPreloaded(string debtorId, out DebtorData data) => loaded.TryGetValue(debtorId, out data!);
}

/// <summary>A case to save (versioned) and, optionally, the outbox entry to write with it; <see cref="AfterCommit"/> runs once both landed.</summary>
public sealed record PendingWrite(DunningCase Case, OutboxEntry? Entry)
{
    public IReadOnlyList<Func<CancellationToken, Task>> AfterCommit { get; init; } = [];
}

/// <summary>Everything the planner reads about one debtor (null debtor: not stored).</summary>
internal sealed record DebtorData(DunningCase? Case, Debtor? Debtor, IReadOnlyList<Invoice> Invoices, IReadOnlyList<OutboxEntry> Entries,
    IReadOnlyList<ConversationLink> Links, IReadOnlyList<PaymentAgreement> Agreements);
