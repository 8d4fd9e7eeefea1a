using Dunning.Bot.Banking;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>The payer accounts learned from bank imports (IBAN → debtors) in PostgreSQL; learning an account twice is harmless.</summary>
public sealed class PostgreSqlPayerAccountStore(PostgreSqlDatabase database) : IPayerAccountStore
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(false, async (connection, transaction) =>
        {
            await using var command = PostgreSqlCommands.Command("SELECT iban, debtor_id FROM payer_accounts", connection, transaction, []);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var pairs = new List<(string Iban, string DebtorId)>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                pairs.Add((reader.GetString(0), reader.GetString(1)));
            return (IReadOnlyDictionary<string, IReadOnlyList<string>>)pairs.GroupBy(p => p.Iban, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.DebtorId).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        }, cancellationToken);

    public async Task<int> LearnAsync(IReadOnlyCollection<(string Iban, string DebtorId)> accounts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0)
            return 0;
        return await database.WriteAsync(false, async (connection, transaction) =>
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var (iban, debtorId) in accounts.Distinct())
            {
                var insert = new NpgsqlBatchCommand("INSERT INTO payer_accounts (iban, debtor_id, learned_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
                insert.Parameters.Add(new NpgsqlParameter { Value = iban });
                insert.Parameters.Add(new NpgsqlParameter { Value = debtorId });
                insert.Parameters.Add(new NpgsqlParameter { Value = at.UtcTicks });
                batch.BatchCommands.Add(insert);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return PostgreSqlCommands.Affected(batch);
        }, cancellationToken).ConfigureAwait(false);
    }
}
