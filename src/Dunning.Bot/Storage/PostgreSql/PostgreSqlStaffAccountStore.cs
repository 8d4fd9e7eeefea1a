using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>Staff accounts in PostgreSQL (shared by every host), keyed by the normalized user name; versioned saves.</summary>
public sealed class PostgreSqlStaffAccountStore(PostgreSqlDatabase database)
    : PostgreSqlDocumentStore<StaffAccount>(database, Table), IStaffAccountStore
{
    internal static readonly DocumentTable<StaffAccount> Table = new("staff_accounts", "user_name", a => a.UserName, a => a.Version, (a, v) => a.Version = v);

    public Task<StaffAccount?> FindAsync(string userName, CancellationToken cancellationToken) =>
        StaffUserNames.Normalize(userName) is { } id ? FindByIdAsync(id, cancellationToken) : Task.FromResult<StaffAccount?>(null);

    public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) => WhereAsync("ORDER BY user_name", [], cancellationToken);

    public Task SaveAsync(StaffAccount account, CancellationToken cancellationToken) => SaveEntityAsync(account, cancellationToken);
}
