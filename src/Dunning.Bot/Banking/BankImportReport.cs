namespace Dunning.Bot.Banking;

/// <summary>
/// What an import did with each entry: booked (with the §367 allocation), already booked earlier, left for review,
/// refused, or skipped (debits and entries the bank has not booked). <see cref="Refusal"/> set: the whole file was refused.
/// </summary>
public sealed record BankImportReport
{
    public required string Format { get; init; }

    public string? Currency { get; init; }

    public bool DryRun { get; init; }

    public int Entries { get; init; }

    public string? Refusal { get; init; }

    /// <summary>The whole file was refused for its size.</summary>
    public bool TooLarge { get; init; }

    public List<BookedPayment> Booked { get; } = [];

    public List<BankImportItem> AlreadyBooked { get; } = [];

    public List<BankImportItem> Review { get; } = [];

    public List<BankImportItem> Refused { get; } = [];

    public List<BankImportItem> Skipped { get; } = [];
}

/// <summary>One payment booked on one invoice and how the ledger allocated it (all zero in a dry run).</summary>
public sealed record BookedPayment(string Reference, string Invoice, decimal Amount, string Currency,
    decimal ToFees, decimal ToInterest, decimal ToPrincipal, decimal Credit, decimal Open);

/// <summary>One statement entry that was not (or not now) booked, with the reason and any invoices it may be for.</summary>
public sealed record BankImportItem(string Key, string? Reference, DateOnly BookingDate, decimal Amount, string Currency,
    string? Payer, string Remittance, string Reason, IReadOnlyList<string> Suggestions)
{
    public static BankImportItem Of(BankEntry entry, string reason, IReadOnlyList<string>? suggestions = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Key, entry.Reference, entry.BookingDate, entry.Amount, entry.Currency, entry.Payer, entry.Remittance, reason, suggestions ?? []);
    }
}
