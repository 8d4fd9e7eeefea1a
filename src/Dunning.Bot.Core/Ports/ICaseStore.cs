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

    /// <summary>
    /// Cases due at <paramref name="now"/> in debtor-id order, after <paramref name="afterDebtorId"/> (null: from the
    /// first): a sweep where most cases are due walks them this way, so the debtors of one page are neighbours in every
    /// by-debtor index and their data reads as a few ranges.
    /// </summary>
    Task<IReadOnlyList<DunningCase>> ListDueByDebtorAsync(DateTimeOffset now, string? afterDebtorId, int limit, CancellationToken cancellationToken);

    /// <summary>How many cases there are (due at <paramref name="dueAt"/>, when given), counted no further than <paramref name="cap"/>.</summary>
    Task<int> CountAsync(DateTimeOffset? dueAt, int cap, CancellationToken cancellationToken);

    Task<IReadOnlyList<DunningCase>> ListAsync(CancellationToken cancellationToken);

    Task SaveAsync(DunningCase dunningCase, CancellationToken cancellationToken);
}
