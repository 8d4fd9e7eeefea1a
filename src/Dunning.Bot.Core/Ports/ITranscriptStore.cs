using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>
/// Every activity of every conversation, append-only: the console's conversation view and the case file export
/// read it. Entries of one conversation come back in the order they were appended (equal times keep that order).
/// </summary>
public interface ITranscriptStore
{
    /// <summary>Appends one entry; never changes or removes earlier ones.</summary>
    Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Entries of the conversation, oldest first: those strictly after <paramref name="after"/> (all when null), at most
    /// <paramref name="limit"/> (the oldest ones of that range, so a reader can page forward).
    /// </summary>
    Task<IReadOnlyList<TranscriptEntry>> ListAsync(string conversationKey, DateTimeOffset? after, int limit, CancellationToken cancellationToken);

    /// <summary>The debtor's latest <paramref name="limit"/> entries over all their conversations, oldest first.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ListByDebtorAsync(string debtorId, int limit, CancellationToken cancellationToken);
}
