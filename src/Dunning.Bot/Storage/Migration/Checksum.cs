using System.Globalization;

namespace Dunning.Bot.Storage.Migration;

/// <summary>
/// An order-independent checksum over records: the count and the sum (modulo 2^64) of each record's
/// <see cref="StoredRecord.Fingerprint"/>, so LiteDB's order and PostgreSQL's need not agree.
/// </summary>
internal sealed class Checksum
{
    private ulong sum;

    public long Count { get; private set; }

    public void Add(StoredRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        unchecked
        {
            sum += record.Fingerprint();
        }
        Count++;
    }

    /// <summary>16 hex digits.</summary>
    public string Value => sum.ToString("x16", CultureInfo.InvariantCulture);

    public bool Matches(Checksum other) => other is not null && Count == other.Count && sum == other.sum;
}
