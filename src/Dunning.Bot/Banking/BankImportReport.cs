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

/// <summary>One payment booked on one invoice, how the ledger allocated it (all zero in a dry run), and by which rule it was matched.</summary>
public sealed record BookedPayment(string Reference, string Invoice, decimal Amount, string Currency,
    decimal ToFees, decimal ToInterest, decimal ToPrincipal, decimal Credit, decimal Open)
{
    public MatchRule? Rule { get; init; }

    public decimal? Confidence { get; init; }
}

/// <summary>One statement entry that was not (or not now) booked, with the reason and any invoices it may be for.</summary>
public sealed record BankImportItem(string Key, string? Reference, DateOnly BookingDate, decimal Amount, string Currency,
    string? Payer, string Remittance, string Reason, IReadOnlyList<string> Suggestions)
{
    /// <summary>The rule of an uncertain match (suggestions then hold its invoices); null when nothing matched.</summary>
    public MatchRule? Rule { get; init; }

    /// <summary>The confidence of <see cref="Rule"/> (see <see cref="MatchConfidence"/>).</summary>
    public decimal? Confidence { get; init; }

    /// <summary>For a transfer split over several suggested invoices: the amount proposed for each, in the order of the suggestions.</summary>
    public IReadOnlyList<decimal>? Split { get; init; }

    /// <summary>The payer's IBAN, when the statement gave a valid one.</summary>
    public string? PayerIban { get; init; }

    /// <summary>Why, as a code the console words in the staff member's language (see <see cref="BankReasons"/>); null in entries queued before codes existed.</summary>
    public string? Code { get; init; }

    /// <summary>The entry reverses an earlier one (camt <c>RvslInd</c>, MT940 <c>RC</c>/<c>RD</c>); it is never booked as a payment.</summary>
    public bool IsReversal { get; init; }

    /// <summary>For a reversal: the reference of the booked payment it undoes, when one matched (a proposal; a person confirms it).</summary>
    public string? Reverses { get; init; }

    public static BankImportItem Of(BankEntry entry, string code, string reason, IReadOnlyList<string>? suggestions = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Key, entry.Reference, entry.BookingDate, entry.Amount, entry.Currency, entry.Payer, entry.Remittance, reason, suggestions ?? [])
        {
            PayerIban = entry.PayerIban ?? entry.CounterpartyIban,
            Code = code,
            IsReversal = entry.IsReversal,
        };
    }
}
