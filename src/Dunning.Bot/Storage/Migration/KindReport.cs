namespace Dunning.Bot.Storage.Migration;

/// <summary>What the migration found and did for one kind: the source's records, how they compare with the target's, what it copied, and the verification.</summary>
internal sealed class KindReport(string kind)
{
    /// <summary>How many ids of different records are kept for the message (the count is complete).</summary>
    public const int ListedDifferences = 10;

    public string Kind { get; } = kind;

    public Checksum Source { get; } = new();

    /// <summary>Records the target does not hold yet.</summary>
    public long Missing { get; set; }

    /// <summary>Records the target holds already, equal.</summary>
    public long Same { get; set; }

    /// <summary>Records the target holds under the same id with other content.</summary>
    public long Different { get; set; }

    /// <summary>The first <see cref="ListedDifferences"/> ids of <see cref="Different"/>.</summary>
    public List<string> DifferentIds { get; } = [];

    /// <summary>Records this run wrote.</summary>
    public long Copied { get; set; }

    /// <summary>The target's records after the run (null before the verification).</summary>
    public Checksum? Target { get; set; }

    /// <summary>True when the target holds exactly the source's records (count and checksum).</summary>
    public bool Verified => Target is { } target && target.Matches(Source);
}
