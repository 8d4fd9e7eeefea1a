using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Scheduling;

/// <summary>
/// Collects the planner's writes (each: the debtor's case, with the outbox entry to enqueue if any) so a sweep can
/// commit a whole page in one transaction with <see cref="Ports.IOutbox.CommitAsync"/>. Each write keeps its own
/// all-or-nothing meaning: a case that changed meanwhile, or a key already taken, skips that write only.
/// </summary>
public sealed class PlanBuffer
{
    private readonly List<PendingWrite> writes = [];

    public IReadOnlyList<PendingWrite> Writes => writes;

    public void Add(DunningCase dunningCase, OutboxEntry? entry) => writes.Add(new PendingWrite(dunningCase, entry));
}

/// <summary>A case to save (versioned) and, optionally, the outbox entry to write with it.</summary>
public sealed record PendingWrite(DunningCase Case, OutboxEntry? Entry);
