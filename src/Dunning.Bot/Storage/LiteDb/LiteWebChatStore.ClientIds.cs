using System.Collections.Concurrent;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>The client ids of retried Direct Line posts (see <see cref="IWebChatStore.FindClientActivityAsync"/>).</summary>
public sealed partial class LiteWebChatStore
{
    public Task<string?> FindClientActivityAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var found = Guarded(() => ClientIdCollection.FindOne(Queries.Eq("Key", ClientKey(conversationId, clientActivityId))));
        return Task.FromResult(found?["_id"].AsString);
    }

    /// <summary>
    /// Inside a <see cref="LiteUnitOfWork"/> the record and the forgetting land at its commit (a client id recorded meanwhile
    /// makes the commit fail: the unique key); without one they are written at once.
    /// </summary>
    public Task<bool> RecordClientActivityAsync(string conversationId, string clientActivityId, string activityId, int window, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = ClientKey(conversationId, clientActivityId);
        if (Guarded(() => ClientIdCollection.Exists(Queries.Eq("Key", key))))
            return Task.FromResult(false);
        var document = new BsonDocument { ["_id"] = activityId, ["Key"] = key };
        var forgetUpTo = SequenceOf(activityId) - window - 1;
        void Write()
        {
            ClientIdCollection.Insert(document);
            if (forgetUpTo > 0)
                ClientIdCollection.DeleteMany(Queries.Between("_id", conversationId + "|", ActivityId(conversationId, forgetUpTo)));
        }
        if (context.UnitOfWork is { } unit)
        {
            unit.Defer(Write, (ClientIds, activityId), document);
            return Task.FromResult(true);
        }
        try
        {
            Guarded(Write);
            return Task.FromResult(true);
        }
        catch (StorageException ex) when (ex.InnerException is LiteException { ErrorCode: LiteException.INDEX_DUPLICATE_KEY })
        {
            return Task.FromResult(false);
        }
    }

    private static string ClientKey(string conversationId, string clientActivityId) => string.Concat(conversationId, "\n", clientActivityId);

    /// <summary>The client id in a key made by <see cref="ClientKey"/> for <paramref name="conversationId"/>.</summary>
    internal static string ClientIdOf(string conversationId, string key) => key[(conversationId.Length + 1)..];
}
