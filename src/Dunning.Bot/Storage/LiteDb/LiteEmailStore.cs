using Dunning.Bot.Channels.Email;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// <see cref="IEmailStore"/> in LiteDB: each debtor's reply token (the tag in the reply address and the key of the
/// unsubscribe link), the Message-IDs it sent (so a reply's In-Reply-To/References finds the debtor and the thread),
/// the IMAP checkpoint per folder (UIDVALIDITY and the last UID handled) and the inbound messages already handled.
/// </summary>
public sealed class LiteEmailStore : IEmailStore
{
    internal const string Tokens = "email_tokens";
    internal const string Sent = "email_sent";
    internal const string State = "email_state";
    internal const string Inbound = "email_inbound";
    internal const string Received = "email_received";
    internal const string ThreadPrefix = "thread:";
    internal const string CheckpointPrefix = "imap:";

    private readonly LiteDatabase database;
    private readonly TimeProvider clock;

    public LiteEmailStore(LiteDbContext context, TimeProvider clock)
    {
        database = (context ?? throw new ArgumentNullException(nameof(context))).Database;
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        database.GetCollection(Tokens).EnsureIndex("Token", "$.Token", unique: true);
        database.GetCollection(Sent).EnsureIndex("Debtor", "$.Debtor");
        database.GetCollection(Received).EnsureIndex("Debtor", "$.Debtor");
    }

    /// <summary>The debtor's reply token, created on first use (16 characters of a 32-letter alphabet: 80 bits).</summary>
    public string ReplyToken(string debtorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(debtorId);
        var tokens = database.GetCollection(Tokens);
        if (tokens.FindById(debtorId) is { } known)
            return known["Token"].AsString;
        var token = EmailReplyTokens.New();
        try
        {
            tokens.Insert(new BsonDocument { ["_id"] = debtorId, ["Token"] = token });
            return token;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // Another sender created it meanwhile.
            return tokens.FindById(debtorId)["Token"].AsString;
        }
    }

    /// <summary>The debtor a reply token belongs to; null for anything unknown or not token-shaped.</summary>
    public string? DebtorByToken(string? token)
    {
        if (!EmailReplyTokens.IsShaped(token))
            return null;
        return database.GetCollection(Tokens).FindOne(Query.EQ("Token", token!.ToLowerInvariant()))?["_id"].AsString;
    }

    /// <summary>
    /// Remembers a message sent to the debtor (its Message-ID without angle brackets) and its subject; for a reminder that
    /// is its outbox entry's own message (not an e-mail copy), also the entry's key, so a bounce can undo it.
    /// </summary>
    public void RememberSent(string messageId, string debtorId, string subject, string? outboxKey) =>
        database.GetCollection(Sent).Upsert(new BsonDocument
        {
            ["_id"] = messageId,
            ["Debtor"] = debtorId,
            ["Subject"] = subject,
            ["At"] = clock.GetUtcNow().UtcDateTime,
            ["Outbox"] = outboxKey,
        });

    /// <summary>The outbox key of the reminder sent as <paramref name="messageId"/>; null for other messages or unknown ids.</summary>
    public string? OutboxKeyOf(string? messageId) =>
        string.IsNullOrWhiteSpace(messageId) ? null
        : database.GetCollection(Sent).FindById(messageId) is { } doc && doc["Outbox"].IsString ? doc["Outbox"].AsString : null;

    /// <summary>The debtor and subject of a message this host sent, by its Message-ID; null when not ours.</summary>
    public (string DebtorId, string Subject)? FindSent(string? messageId)
    {
        if (string.IsNullOrWhiteSpace(messageId))
            return null;
        var doc = database.GetCollection(Sent).FindById(messageId);
        return doc is null ? null : (doc["Debtor"].AsString, doc["Subject"].AsString);
    }

    /// <summary>Remembers the debtor's latest e-mail (the thread the next answer or staff message continues).</summary>
    public void RememberThread(string debtorId, EmailThread thread) =>
        database.GetCollection(State).Upsert(new BsonDocument
        {
            ["_id"] = ThreadPrefix + debtorId,
            ["MessageId"] = thread.MessageId,
            ["References"] = new BsonArray(thread.References.Select(r => new BsonValue(r))),
            ["Subject"] = thread.Subject,
        });

    /// <summary>The debtor's latest e-mail thread, or null when the debtor never wrote by e-mail.</summary>
    public EmailThread? LastThread(string debtorId)
    {
        var doc = database.GetCollection(State).FindById(ThreadPrefix + debtorId);
        return doc is null ? null : ReadThread(doc);
    }

    internal static EmailThread ReadThread(BsonDocument doc) =>
        new(doc["MessageId"].AsString, [.. doc["References"].AsArray.Select(v => v.AsString)], doc["Subject"].IsNull ? null : doc["Subject"].AsString);

    /// <summary>Remembers an e-mail the debtor wrote (its Message-ID and subject), for the thread the console shows.</summary>
    public void RememberReceived(string messageId, string debtorId, string? subject) =>
        database.GetCollection(Received).Upsert(new BsonDocument
        {
            ["_id"] = messageId,
            ["Debtor"] = debtorId,
            ["Subject"] = subject ?? "",
            ["At"] = clock.GetUtcNow().UtcDateTime,
        });

    /// <summary>The debtor's e-mails both ways (the latest <paramref name="limit"/>), oldest first: when, which way, subject.</summary>
    public IReadOnlyList<EmailThreadMessage> ThreadOf(string debtorId, int limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(debtorId);
        IEnumerable<EmailThreadMessage> Read(string collection, bool inbound) =>
            database.GetCollection(collection).Find(Query.EQ("Debtor", debtorId))
                .Select(d => new EmailThreadMessage(new DateTimeOffset(d["At"].AsDateTime.ToUniversalTime(), TimeSpan.Zero), inbound, d["Subject"].AsString));
        return [.. Read(Sent, false).Concat(Read(Received, true)).OrderBy(m => m.At).TakeLast(limit)];
    }

    /// <summary>The folder's checkpoint: its UIDVALIDITY and the last UID handled (null before the first look).</summary>
    public (uint UidValidity, uint LastUid)? Checkpoint(string folder)
    {
        var doc = database.GetCollection(State).FindById(CheckpointPrefix + folder);
        return doc is null ? null : ((uint)doc["UidValidity"].AsInt64, (uint)doc["LastUid"].AsInt64);
    }

    public void SaveCheckpoint(string folder, uint uidValidity, uint lastUid) =>
        database.GetCollection(State).Upsert(new BsonDocument
        {
            ["_id"] = CheckpointPrefix + folder,
            ["UidValidity"] = (long)uidValidity,
            ["LastUid"] = (long)lastUid,
        });

    /// <summary>Records an inbound message as handled; false when it was handled before (by Message-ID or UID key).</summary>
    public bool MarkHandled(string key, string outcome)
    {
        try
        {
            database.GetCollection(Inbound).Insert(new BsonDocument
            {
                ["_id"] = key,
                ["Outcome"] = outcome,
                ["At"] = clock.GetUtcNow().UtcDateTime,
            });
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    /// <summary>Replaces the recorded outcome of a handled inbound message.</summary>
    public void SetOutcome(string key, string outcome)
    {
        var inbound = database.GetCollection(Inbound);
        if (inbound.FindById(key) is { } doc)
        {
            doc["Outcome"] = outcome;
            inbound.Update(doc);
        }
    }

    /// <summary>
    /// Forgets the debtor's reply token, the messages sent and received and the latest thread; inside the erasure's
    /// transaction. Handled inbound keys carry no personal data and stay (a redelivery is still recognised).
    /// </summary>
    internal static void EraseDebtor(LiteDatabase database, string debtorId)
    {
        database.GetCollection(Tokens).Delete(debtorId);
        database.GetCollection(Sent).DeleteMany(Query.EQ("Debtor", debtorId));
        database.GetCollection(Received).DeleteMany(Query.EQ("Debtor", debtorId));
        database.GetCollection(State).Delete(ThreadPrefix + debtorId);
    }

    /// <summary>How an inbound message was handled, or null when it was not (for tests and the log).</summary>
    public string? HandledAs(string key) => database.GetCollection(Inbound).FindById(key)?["Outcome"].AsString;
}
