using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dunning.Bot.Storage.PostgreSql;

namespace Dunning.Bot.Storage.Migration;

/// <summary>
/// One stored thing as the storage migration copies it: its kind (<see cref="StoredKinds"/>), its id within the kind and
/// its value — the domain entity (a debtor, an invoice, …) or a small record (<see cref="BotStateRecord"/>, …). Both
/// providers compare and verify records through <see cref="CanonicalJson"/>: every property that can be restored,
/// enums by name, times exact to the tick, so the same entity read from LiteDB or from PostgreSQL gives the same text.
/// </summary>
internal sealed record StoredRecord(string Kind, string Id, object Value)
{
    private string? canonical;

    /// <summary>The value as canonical JSON (the serializer PostgreSQL's documents use).</summary>
    public string CanonicalJson => canonical ??= JsonSerializer.Serialize(Value, Value.GetType(), PostgreSqlJson.Options);

    /// <summary>The first 8 bytes of SHA-256 over id and canonical JSON; <see cref="Checksum"/> adds them up.</summary>
    public ulong Fingerprint()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(Id + "\n" + CanonicalJson), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    /// <summary>True when <paramref name="other"/> holds the same value (canonical JSON compared ordinally).</summary>
    public bool SameAs(StoredRecord other) => string.Equals(CanonicalJson, other?.CanonicalJson, StringComparison.Ordinal);
}
