using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Scheduling;

/// <summary>
/// Collects the planner's writes (each: the debtor's case, with the outbox entry to enqueue if any) so a sweep can
/// commit a whole page in one transaction with <see cref="Ports.IOutbox.CommitAsync"/>. Each write keeps its own
/// all-or-nothing meaning: a case that changed meanwhile, or a key already taken, skips that write only.
/// <para>
/// It also carries what <see cref="ReminderPlanner.PreloadAsync"/> bulk-loaded for the page (debtors, cases, invoices,
/// outbox entries, conversation links), so planning a preloaded debtor reads nothing more from the stores. A debtor
/// not preloaded is read one by one as before.
/// </para>
/// </summary>
public sealed class PlanBuffer
{
    private readonly List<PendingWrite> writes = [];
    private readonly Dictionary<string, DebtorData> loaded = new(StringComparer.Ordinal);

    public IReadOnlyList<PendingWrite> Writes => writes;

    public void Add(DunningCase dunningCase, OutboxEntry? entry) => writes.Add(new PendingWrite(dunningCase, entry));

    /// <summary>Remembers a debtor's data, loaded before planning; the planner then uses it instead of reading it again.</summary>
    internal void Preloaded(string debtorId, DebtorData data) => loaded[debtorId] = data;

    internal bool TryGetPreloaded(string debtorId, out DebtorData data) => loaded.TryGetValue(debtorId, out data!);
}

/// <summary>A case to save (versioned) and, optionally, the outbox entry to write with it.</summary>
public sealed record PendingWrite(DunningCase Case, OutboxEntry? Entry);

/// <summary>Everything the planner reads about one debtor (null debtor: not stored).</summary>
internal sealed record DebtorData(DunningCase? Case, Debtor? Debtor, IReadOnlyList<Invoice> Invoices, IReadOnlyList<OutboxEntry> Entries,
    IReadOnlyList<ConversationLink> Links);
