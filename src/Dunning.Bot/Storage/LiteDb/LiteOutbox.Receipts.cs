using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

public sealed partial class LiteOutbox
{
    public Task<IReadOnlyList<OutboxEntry>> ListAwaitingReceiptAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<OutboxEntry> entries = [.. Entries.Find(Queries.Eq("AwaitingIn", conversationKey)).Select(OutboxDocument.FromBson)];
        return Task.FromResult(entries);
    }

    public Task<IReadOnlyList<OutboxEntry>> ListFallbackDueAsync(DateTimeOffset sentBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<OutboxEntry> entries = [.. Entries.Query().Where(Query.Between("FallbackDue", 0L, BsonValues.From(sentBefore)))
            .OrderBy("FallbackDue").Limit(limit).ToList().Select(OutboxDocument.FromBson)];
        return Task.FromResult(entries);
    }
}
