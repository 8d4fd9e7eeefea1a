using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Staff.Accounts;

/// <summary>Console accounts by user name. Saves are versioned (Version 0 inserts; a stale version throws <see cref="ConcurrencyConflictException"/>).</summary>
public interface IStaffAccountStore
{
    Task<StaffAccount?> FindAsync(string userName, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    Task SaveAsync(StaffAccount account, CancellationToken cancellationToken);
}
