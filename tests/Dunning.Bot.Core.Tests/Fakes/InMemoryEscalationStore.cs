using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>Escalations in memory (<see cref="VersionedMemoryStore{T}"/>); open ones most urgent first, then oldest first, like LiteDB's.</summary>
public sealed class InMemoryEscalationStore : VersionedMemoryStore<Escalation>, IEscalationStore
{
    public Task<Escalation?> FindAsync(string id, CancellationToken cancellationToken) => FindByIdAsync(id, cancellationToken);

    public async Task<IReadOnlyList<Escalation>> ListOpenAsync(CancellationToken cancellationToken) =>
        [.. (await WhereAsync(e => e.State != EscalationState.Resolved, cancellationToken)).OrderByDescending(e => e.Priority).ThenBy(e => e.RaisedAt)];

    public Task<IReadOnlyList<Escalation>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        WhereAsync(e => string.Equals(e.DebtorId, debtorId, StringComparison.Ordinal), cancellationToken);

    protected override string IdOf(Escalation entity) => entity.Id;

    protected override int VersionOf(Escalation entity) => entity.Version;

    protected override void SetVersion(Escalation entity, int version) => entity.Version = version;

    protected override Escalation Copy(Escalation entity) => new()
    {
        Id = entity.Id,
        DebtorId = entity.DebtorId,
        Reason = entity.Reason,
        Priority = entity.Priority,
        State = entity.State,
        RaisedAt = entity.RaisedAt,
        RespondBy = entity.RespondBy,
        Detail = entity.Detail,
        InvoiceNumbers = [.. entity.InvoiceNumbers],
        ConversationKey = entity.ConversationKey,
        AssignedTo = entity.AssignedTo,
        ClosedAt = entity.ClosedAt,
        Version = entity.Version,
    };
}
