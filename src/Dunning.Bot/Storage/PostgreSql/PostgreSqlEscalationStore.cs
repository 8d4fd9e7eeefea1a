using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>Escalations in PostgreSQL, indexed by debtor and state.</summary>
public sealed class PostgreSqlEscalationStore(PostgreSqlDatabase database)
    : PostgreSqlDocumentStore<Escalation>(database, PostgreSqlTables.Escalations), IEscalationStore
{
    public Task<Escalation?> FindAsync(string id, CancellationToken cancellationToken) => FindByIdAsync(id, cancellationToken);

    /// <summary>Every escalation not resolved, most urgent first, then oldest first.</summary>
    public async Task<IReadOnlyList<Escalation>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var open = await WhereAsync("WHERE state <> $1", [EscalationState.Resolved.ToString()], cancellationToken).ConfigureAwait(false);
        return [.. open.OrderByDescending(e => e.Priority).ThenBy(e => e.RaisedAt)];
    }

    public Task<IReadOnlyList<Escalation>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        WhereAsync("WHERE debtor_id = $1 ORDER BY id", [debtorId], cancellationToken);

    public Task SaveAsync(Escalation escalation, CancellationToken cancellationToken) => SaveEntityAsync(escalation, cancellationToken);
}
