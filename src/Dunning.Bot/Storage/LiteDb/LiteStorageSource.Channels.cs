using System.Globalization;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Storage.Migration;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// The channels' state <see cref="LiteStorageSource"/> reads: Telegram's inbox and buttons, Teams' processed deliveries,
/// the web chat's conversations, activity logs and client ids, the e-mail channel's messages and handled inbound keys
/// (page by page), and the small "latest wins" values under the keys PostgreSQL keeps them by (<see cref="ChannelStateKeys"/>).
/// </summary>
internal sealed partial class LiteStorageSource
{
    private IEnumerable<IReadOnlyList<StoredRecord>>? ChannelPages(string kind, int size) => kind switch
    {
        StoredKinds.TelegramUpdates => Pages(LiteTelegramStore.Updates, size, d => new StoredRecord(kind,
            d["_id"].AsInt64.ToString(CultureInfo.InvariantCulture),
            new TelegramUpdateRecord(d["State"].AsString, d["Json"].IsString ? d["Json"].AsString : null, Utc(d["At"])))),
        StoredKinds.TelegramButtons => Pages(LiteTelegramStore.Buttons, size, d => new StoredRecord(kind, d["_id"].AsString, LiteTelegramStore.ButtonOf(d))),
        StoredKinds.WebChatConversations => Pages(LiteWebChatStore.Conversations, size,
            d => new StoredRecord(kind, d["_id"].AsString, new WebChatConversationRecord(d["UserId"].AsString, Utc(d["CreatedAt"])))),
        StoredKinds.WebChatActivities => PerWebChatConversation(kind, LiteWebChatStore.Activities, size,
            (_, a) => new WebChatActivityRecord(WebChatActivityIds.SequenceOf(a["_id"].AsString), a["Json"].AsString)),
        StoredKinds.WebChatClientIds => PerWebChatConversation(kind, LiteWebChatStore.ClientIds, size,
            (id, c) => new WebChatClientIdRecord(LiteWebChatStore.ClientIdOf(id, c["Key"].AsString), WebChatActivityIds.SequenceOf(c["_id"].AsString))),
        StoredKinds.TeamsDeliveries => Pages(LiteTeamsStore.DeliveriesCollection, size,
            d => new StoredRecord(kind, d["_id"].AsString, new TeamsDeliveryRecord(d["Status"].AsInt32, Utc(d["At"])))),
        StoredKinds.EmailSent => Pages(LiteEmailStore.Sent, size, d => new StoredRecord(kind, d["_id"].AsString,
            new EmailMessageRecord(d["Debtor"].AsString, d["Subject"].AsString, Utc(d["At"]), d["Outbox"].IsString ? d["Outbox"].AsString : null))),
        StoredKinds.EmailReceived => Pages(LiteEmailStore.Received, size, d => new StoredRecord(kind, d["_id"].AsString,
            new EmailMessageRecord(d["Debtor"].AsString, d["Subject"].AsString, Utc(d["At"]), null))),
        StoredKinds.EmailInbound => Pages(LiteEmailStore.Inbound, size,
            d => new StoredRecord(kind, d["_id"].AsString, new EmailInboundRecord(d["Outcome"].AsString, Utc(d["At"])))),
        _ => null,
    };

    /// <summary>
    /// One record per conversation with rows in <paramref name="collection"/> (activities or client ids, each under its
    /// activity id <c>{conversation}|{number}</c>): the list of them, oldest first (a page of conversations at a time).
    /// Rows whose conversation is gone are not read: the conversation cannot be resumed.
    /// </summary>
    private IEnumerable<IReadOnlyList<StoredRecord>> PerWebChatConversation<T>(string kind, string collection, int size, Func<string, BsonDocument, T> map)
    {
        var rows = context.Database.GetCollection(collection);
        foreach (var conversations in Pages(LiteWebChatStore.Conversations, size, d => d["_id"].AsString))
        {
            var records = new List<StoredRecord>(conversations.Count);
            foreach (var id in conversations)
            {
                var list = rows.Query().Where(Queries.Between("_id", id + "|", id + "|~")).OrderBy("_id").ToList().Select(d => map(id, d)).ToList();
                if (list.Count > 0)
                    records.Add(new StoredRecord(kind, id, list));
            }
            if (records.Count > 0)
                yield return records;
        }
    }

    /// <summary>The Telegram offset and owner chat, the Teams owner chat, the IMAP checkpoints and the debtors' e-mail threads.</summary>
    private List<StoredRecord> ChannelState()
    {
        var records = new List<StoredRecord>();
        void Add(string key, object value) => records.Add(new StoredRecord(StoredKinds.ChannelState, key, value));
        foreach (var doc in All(LiteTelegramStore.State))
        {
            switch (doc["_id"].AsString)
            {
                case LiteTelegramStore.OffsetKey:
                    Add(ChannelStateKeys.TelegramOffset, new TelegramOffsetRecord(doc["Value"].AsInt64));
                    break;
                case LiteTelegramStore.OwnerKey:
                    Add(ChannelStateKeys.TelegramOwner, LiteTelegramStore.OwnerOf(doc));
                    break;
            }
        }
        foreach (var doc in All(LiteTeamsStore.OwnerCollection).Where(d => d["_id"].AsString == LiteTeamsStore.OwnerId))
            Add(ChannelStateKeys.TeamsOwner, new TeamsOwnerRecord(doc["Reference"].AsString, doc["Language"].AsString, Utc(doc["BoundAt"])));
        foreach (var doc in All(LiteEmailStore.State))
        {
            var id = doc["_id"].AsString;
            if (id.StartsWith(LiteEmailStore.ThreadPrefix, StringComparison.Ordinal))
                Add(ChannelStateKeys.EmailThread(id[LiteEmailStore.ThreadPrefix.Length..]), LiteEmailStore.ReadThread(doc));
            else if (id.StartsWith(LiteEmailStore.CheckpointPrefix, StringComparison.Ordinal))
                Add(ChannelStateKeys.EmailCheckpoint(id[LiteEmailStore.CheckpointPrefix.Length..]),
                    new ImapCheckpointRecord((uint)doc["UidValidity"].AsInt64, (uint)doc["LastUid"].AsInt64));
        }
        return records;
    }

    private List<BsonDocument> All(string collection) =>
        context.Database.CollectionExists(collection) ? context.Database.GetCollection(collection).FindAll().ToList() : [];
}
