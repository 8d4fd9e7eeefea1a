using System.ComponentModel.DataAnnotations;

namespace Dunning.Bot.Banking;

/// <summary>Limits of the bank statement import (configuration section <c>Banking</c>).</summary>
public sealed class BankingOptions
{
    public const string SectionName = "Banking";

    /// <summary>Larger files (and API bodies) are refused before reading; nothing is booked.</summary>
    [Range(1, 1024)]
    public int MaxFileMegabytes { get; set; } = 64;

    /// <summary>A statement with more entries is refused as a whole; nothing is booked.</summary>
    [Range(1, 1_000_000)]
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>
    /// How many matched entries are booked in one transaction: larger is faster, smaller holds the database's write lock
    /// for shorter. An entry split over several invoices is never cut in two.
    /// </summary>
    [Range(1, 100_000)]
    public int BookingBatchSize { get; set; } = 1_000;

    /// <summary>
    /// Matches at least this certain (0–1, see <see cref="MatchConfidence"/>) are booked; less certain ones wait for review
    /// with their suggestion. 0.9 books invoice numbers, RF references, exact multi-invoice payments and unique amounts of a
    /// known payer; 1 books only RF references.
    /// </summary>
    [Range(0.0, 1.0)]
    public decimal AutoBookConfidence { get; set; } = 0.9m;

    public long MaxBytes => MaxFileMegabytes * 1024L * 1024L;
}
