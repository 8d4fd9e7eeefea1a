using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>
/// Conversations by key and by debtor. Versioned saves as in <see cref="IDebtorStore"/>: the console's
/// takeover and the bot's turn both write a link, and neither may silently undo the other.
/// </summary>
public interface IConversationStore
{
    Task<ConversationLink?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>All conversations bound to the debtor, most recent inbound first.</summary>
    Task<IReadOnlyList<ConversationLink>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken);

    /// <summary>
    /// The links bound to any of <paramref name="debtorIds"/> (any order; group by <see cref="ConversationLink.DebtorId"/>).
    /// Stores that can load them in one go override this; the default asks once per debtor.
    /// </summary>
    async Task<IReadOnlyList<ConversationLink>> ListByDebtorsAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtorIds);
        var all = new List<ConversationLink>();
        foreach (var id in debtorIds)
            all.AddRange(await ListByDebtorAsync(id, cancellationToken).ConfigureAwait(false));
        return all;
    }

    /// <summary>Conversations whose handoff is Pending or Human.</summary>
    Task<IReadOnlyList<ConversationLink>> ListHandedOffAsync(CancellationToken cancellationToken);

    Task SaveAsync(ConversationLink link, CancellationToken cancellationToken);
}
