using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>Debtors in PostgreSQL; access codes and link tokens are unique indexes (a clash is a <see cref="UniqueValueException"/>).</summary>
public sealed class PostgreSqlDebtorStore(PostgreSqlDatabase database) : PostgreSqlDocumentStore<Debtor>(database, PostgreSqlTables.Debtors), IDebtorStore
{
    public Task<Debtor?> FindAsync(string id, CancellationToken cancellationToken) => FindByIdAsync(id, cancellationToken);

    public Task<IReadOnlyList<Debtor>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        FindManyByIdAsync(ids, cancellationToken);

    public async Task<IReadOnlySet<string>> AccessCodesInUseAsync(IReadOnlyCollection<string> accessCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accessCodes);
        if (accessCodes.Count == 0)
            return new HashSet<string>(StringComparer.Ordinal);
        return await Database.ReadAsync(false, async (connection, transaction) =>
        {
            await using var command = PostgreSqlCommands.Command("SELECT access_code FROM debtors WHERE access_code = ANY($1)", connection, transaction,
                [accessCodes.ToArray()]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var used = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                used.Add(reader.GetString(0));
            return (IReadOnlySet<string>)used;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Debtor?> FindByAccessCodeAsync(string accessCode, CancellationToken cancellationToken) =>
        (await WhereAsync("WHERE access_code = $1", [accessCode], cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public async Task<Debtor?> FindByLinkTokenAsync(string linkToken, CancellationToken cancellationToken) =>
        (await WhereAsync("WHERE link_token = $1", [linkToken], cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<Debtor>> ListAsync(CancellationToken cancellationToken) => WhereAsync("ORDER BY id", [], cancellationToken);

    public Task SaveAsync(Debtor debtor, CancellationToken cancellationToken) => SaveEntityAsync(debtor, cancellationToken);
}
