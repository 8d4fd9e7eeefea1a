using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>
/// Debtors by id, access code and link token. <see cref="SaveAsync"/> inserts when
/// <c>Version</c> is 0, otherwise updates only if the stored version equals the given one
/// (else <see cref="ConcurrencyConflictException"/>); on success the version is incremented.
/// </summary>
public interface IDebtorStore
{
    Task<Debtor?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The stored debtors among <paramref name="ids"/> (missing ones are left out), in one round trip.</summary>
    Task<IReadOnlyList<Debtor>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="accessCodes"/> that a stored debtor already has (to keep new codes unique).</summary>
    Task<IReadOnlySet<string>> AccessCodesInUseAsync(IReadOnlyCollection<string> accessCodes, CancellationToken cancellationToken);

    Task<Debtor?> FindByAccessCodeAsync(string accessCode, CancellationToken cancellationToken);

    Task<Debtor?> FindByLinkTokenAsync(string linkToken, CancellationToken cancellationToken);

    Task<IReadOnlyList<Debtor>> ListAsync(CancellationToken cancellationToken);

    Task SaveAsync(Debtor debtor, CancellationToken cancellationToken);
}
