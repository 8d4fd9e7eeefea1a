using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// Conversation links in PostgreSQL, indexed by debtor and handoff state; versioned saves. A turn reads its link by key and
/// saves it at the end: both run in the turn's <see cref="PostgreSqlUnitOfWork"/>.
/// </summary>
public sealed class PostgreSqlConversationStore(PostgreSqlDatabase database)
    : PostgreSqlDocumentStore<ConversationLink>(database, PostgreSqlTables.Conversations), IConversationStore
{
    public Task<ConversationLink?> FindAsync(string key, CancellationToken cancellationToken) => FindByIdAsync(key, cancellationToken);

    public async Task<IReadOnlyList<ConversationLink>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        [.. (await WhereAsync("WHERE debtor_id = $1", [debtorId], cancellationToken).ConfigureAwait(false)).OrderByDescending(l => l.LastInboundAt)];

    public async Task<IReadOnlyList<ConversationLink>> ListByDebtorsAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtorIds);
        return debtorIds.Count == 0 ? [] : await WhereAsync("WHERE debtor_id = ANY($1)", [debtorIds.ToArray()], cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<ConversationLink>> ListHandedOffAsync(CancellationToken cancellationToken) =>
        WhereAsync("WHERE handoff <> $1", [HandoffState.Bot.ToString()], cancellationToken);

    public Task SaveAsync(ConversationLink link, CancellationToken cancellationToken) => SaveEntityAsync(link, cancellationToken);

    private protected override bool JoinsUnitOfWork => true;
}
