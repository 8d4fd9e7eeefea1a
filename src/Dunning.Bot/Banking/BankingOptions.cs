namespace Dunning.Bot.Banking;

/// <summary>Limits of the bank statement import (configuration section <c>Banking</c>).</summary>
public sealed class BankingOptions
{
    public const string SectionName = "Banking";

    /// <summary>Larger files (and API bodies) are refused before reading; nothing is booked.</summary>
    public int MaxFileMegabytes { get; set; } = 64;

    /// <summary>A statement with more entries is refused as a whole; nothing is booked.</summary>
    public int MaxEntries { get; set; } = 100_000;

    public long MaxBytes => MaxFileMegabytes * 1024L * 1024L;
}
