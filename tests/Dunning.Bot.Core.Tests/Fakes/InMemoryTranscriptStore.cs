using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>Transcript entries in memory, append-only, in the order appended (as LiteDB's auto-increment id keeps them).</summary>
public sealed class InMemoryTranscriptStore : ITranscriptStore
{
    private readonly List<TranscriptEntry> entries = [];

    public IReadOnlyList<TranscriptEntry> All
    {
        get
        {
            lock (entries)
                return [.. entries];
        }
    }

    public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
    {
        lock (entries)
            entries.Add(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TranscriptEntry>> ListAsync(string conversationKey, DateTimeOffset? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Task.FromResult<IReadOnlyList<TranscriptEntry>>([.. All.Where(e => e.ConversationKey == conversationKey && (after is null || e.At > after)).Take(limit)]);
    }

    public Task<IReadOnlyList<TranscriptEntry>> ListByDebtorAsync(string debtorId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Task.FromResult<IReadOnlyList<TranscriptEntry>>([.. All.Where(e => e.DebtorId == debtorId).TakeLast(limit)]);
    }
}
