using Dunning.Bot.Privacy;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// Erasing a debtor is not yet implemented on PostgreSQL. Rather than erase nothing and answer as if the debtor did not
/// exist (the LiteDB erasure would look in the wrong database), it refuses with a sentence that says so.
/// </summary>
public sealed class PostgreSqlDebtorErasure : IDebtorErasureStore
{
    public Task<bool> EraseAsync(string debtorId, DateTimeOffset now, string actor, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            $"Erasing debtor '{debtorId}' is not available with Storage:Provider=PostgreSql yet; nothing was changed. Erase it with the LiteDB provider or by hand.");
}
