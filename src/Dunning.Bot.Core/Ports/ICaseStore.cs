using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>
/// Dunning cases (one per debtor). <see cref="ListDueAsync"/> uses the <c>NextActionAt</c> index.
/// Versioned saves as in <see cref="IDebtorStore"/>.
/// </summary>
public interface ICaseStore
{
    Task<DunningCase?> FindAsync(string debtorId, CancellationToken cancellationToken);

    /// <summary>The stored cases of <paramref name="debtorIds"/> (missing ones are left out), in one round trip.</summary>
    Task<IReadOnlyList<DunningCase>> FindManyAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken);

    /// <summary>Cases whose <c>NextActionAt</c> is at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<DunningCase>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<DunningCase>> ListAsync(CancellationToken cancellationToken);

    Task SaveAsync(DunningCase dunningCase, CancellationToken cancellationToken);
}
