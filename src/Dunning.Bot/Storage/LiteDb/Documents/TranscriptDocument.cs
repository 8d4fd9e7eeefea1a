using Dunning.Bot.Core.Domain;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb.Documents;

/// <summary>
/// Transcript entries ⇄ BSON. A document holds the entries one turn appended to one conversation for one debtor, in
/// order: <c>ConversationKey</c> and <c>DebtorId</c> (what the indexes and the purges find it by), <c>At</c> = its
/// latest entry's time (what "entries after" is asked of) and <c>Entries</c>. Files written before turns were batched
/// hold one entry per document, flat (the entry's fields at the top, no <c>Entries</c>); both layouts read alike.
/// </summary>
internal static class TranscriptDocument
{
    public static BsonDocument New(TranscriptEntry first) => new()
    {
        ["ConversationKey"] = first.ConversationKey,
        ["DebtorId"] = first.DebtorId,
        ["At"] = BsonValues.From(first.At),
        ["Entries"] = new BsonArray { EntryToBson(first) },
    };

    /// <summary>Whether <paramref name="entry"/> belongs in <paramref name="document"/> (same conversation and debtor).</summary>
    public static bool Takes(BsonDocument document, TranscriptEntry entry) =>
        document["ConversationKey"].AsString == entry.ConversationKey && BsonValues.ToNullableString(document["DebtorId"]) == entry.DebtorId;

    /// <summary>Adds <paramref name="entry"/> after the document's entries; its <c>At</c> becomes the latest time.</summary>
    public static void Add(BsonDocument document, TranscriptEntry entry)
    {
        document["Entries"].AsArray.Add(EntryToBson(entry));
        if (BsonValues.From(entry.At).AsInt64 > document["At"].AsInt64)
            document["At"] = BsonValues.From(entry.At);
    }

    /// <summary>The document's entries in append order (one for a flat document of an older file).</summary>
    public static IEnumerable<TranscriptEntry> Entries(BsonDocument document)
    {
        var key = document["ConversationKey"].AsString;
        var debtorId = BsonValues.ToNullableString(document["DebtorId"]);
        if (!document.TryGetValue("Entries", out var entries) || !entries.IsArray)
        {
            yield return EntryFromBson(key, debtorId, document);
            yield break;
        }
        foreach (var entry in entries.AsArray)
            yield return EntryFromBson(key, debtorId, entry.AsDocument);
    }

    private static BsonDocument EntryToBson(TranscriptEntry entry) => new()
    {
        ["At"] = BsonValues.From(entry.At),
        ["Direction"] = BsonValues.From(entry.Direction),
        ["Type"] = entry.Type,
        ["Text"] = entry.Text,
        ["Sender"] = entry.Sender,
        ["Buttons"] = BsonValues.Strings(entry.Buttons),
        ["Attachments"] = BsonValues.Strings(entry.Attachments),
        ["Images"] = BsonValues.Strings(entry.Images),
        ["Value"] = entry.Value,
        ["Name"] = entry.Name,
        ["ActivityId"] = entry.ActivityId,
    };

    private static TranscriptEntry EntryFromBson(string key, string? debtorId, BsonDocument doc) => new(
        key,
        debtorId,
        BsonValues.ToDateTimeOffset(doc["At"]),
        BsonValues.ToEnum<TranscriptDirection>(doc["Direction"]),
        doc["Type"].AsString,
        BsonValues.ToNullableString(doc["Text"]),
        BsonValues.ToNullableString(doc["Sender"]))
    {
        Buttons = BsonValues.ToStrings(doc["Buttons"]),
        Attachments = BsonValues.ToStrings(doc["Attachments"]),
        Images = BsonValues.ToStrings(doc["Images"]),
        Value = BsonValues.ToNullableString(doc["Value"]),
        Name = BsonValues.ToNullableString(doc["Name"]),
        ActivityId = BsonValues.ToNullableString(doc["ActivityId"]),
    };
}
