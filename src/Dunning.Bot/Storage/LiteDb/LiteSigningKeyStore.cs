using Dunning.Bot.Channels.WebChat;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>Generated keys in the collection <c>webchat_keys</c> (id = key id, one binary field).</summary>
public sealed class LiteSigningKeyStore(LiteDbContext context) : ISigningKeyStore
{
    internal const string Collection = "webchat_keys";

    public byte[] GetOrAdd(string keyId, byte[] candidate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(candidate);
        var keys = context.Database.GetCollection(Collection);
        if (keys.FindById(keyId) is { } existing)
            return existing["Key"].AsBinary;
        try
        {
            keys.Insert(new BsonDocument { ["_id"] = keyId, ["Key"] = candidate });
            return candidate;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return keys.FindById(keyId)["Key"].AsBinary;
        }
    }
}
