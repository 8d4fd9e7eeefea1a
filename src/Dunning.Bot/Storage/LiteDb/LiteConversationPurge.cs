using Dunning.Bot.Conversations.State;
using Dunning.Bot.Privacy;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// Removes what a conversation left in the file besides its channel's own log: the conversation link, its bot state
/// (the dialog stack) and its transcript entries. Used for expired unbound chats and for an erased debtor's chats.
/// </summary>
public sealed class LiteConversationPurge(LiteDbContext context) : IConversationPurge
{
    private ILiteCollection<BsonDocument> Links => context.Collection(LiteConversationStore.CollectionName);

    /// <summary>
    /// Removes the conversation's traces unless it is bound to a debtor (checked in the same transaction); true when
    /// nothing of it is left.
    /// </summary>
    public Task<bool> PurgeUnboundAsync(string channel, string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var purged = false;
        VersionedWrites.InTransaction(context.Database, () =>
        {
            if (Links.FindById(ConversationKey(channel, conversationId)) is { } link && !link["DebtorId"].IsNull)
                return;
            Purge(channel, conversationId);
            purged = true;
        });
        return Task.FromResult(purged);
    }

    /// <summary>Whether the conversation is bound to a debtor.</summary>
    public bool IsBound(string channel, string conversationId) =>
        Links.FindById(ConversationKey(channel, conversationId)) is { } link && !link["DebtorId"].IsNull;

    /// <summary>Removes every link of <paramref name="debtorId"/> with its traces; inside the caller's transaction.</summary>
    internal void PurgeDebtor(string debtorId)
    {
        foreach (var link in Links.Find(Queries.Eq("DebtorId", debtorId)).Select(ConversationDocument.FromBson).ToList())
            Purge(link.Channel, link.Reference.Conversation?.Id ?? link.Key[(link.Channel.Length + 1)..]);
        context.Database.GetCollection(LiteTranscriptStore.CollectionName).DeleteMany(Queries.Eq("DebtorId", debtorId));
    }

    private void Purge(string channel, string conversationId)
    {
        var key = ConversationKey(channel, conversationId);
        context.Database.GetCollection(LiteTranscriptStore.CollectionName).DeleteMany(Queries.Eq("ConversationKey", key));
        context.Database.GetCollection(LiteBotStorage.CollectionName).Delete(ConversationState.KeyFor(channel, conversationId));
        Links.Delete(key);
    }

    private static string ConversationKey(string channel, string conversationId) => Core.Domain.ConversationLink.KeyFor(channel, conversationId);
}
