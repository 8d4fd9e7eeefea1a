namespace Dunning.Bot.Core.Domain;

/// <summary>
/// An invoice the owner issued to a debtor. Invariants: the number is non-empty, the due date is not
/// before the issue date, the currency is ISO 4217, the total is positive, payments are positive.
/// What is owed on it — principal, interest, fees, less payments and write-offs — is its claim, computed by
/// <see cref="Claims.ClaimLedger"/>; the invoice only holds the facts (payments, write-offs, credit notes) and whether the
/// claim was settled (<see cref="SettledOn"/>).
/// </summary>
public sealed partial class Invoice
{
    private DateOnly dueDate;

    public required string Number { get; init; }

    public required string DebtorId { get; set; }

    public required DateOnly IssueDate { get; init; }

    public required DateOnly DueDate
    {
        get => dueDate;
        set => dueDate = value >= IssueDate ? value : throw new DomainException($"Invoice {Number}: due date {value:yyyy-MM-dd} is before the issue date {IssueDate:yyyy-MM-dd}.");
    }

    public required string Currency { get; init; }

    public List<InvoiceLine> Lines { get; init; } = [];

    /// <summary>Gross total; with lines it must equal their sum.</summary>
    public required decimal Total { get; set; }

    public List<Payment> Payments { get; init; } = [];

    /// <summary>Payments booked and then undone (see <see cref="PaymentReversal"/>); they no longer count for the claim.</summary>
    public List<PaymentReversal> Reversals { get; init; } = [];

    public bool IsDisputed => Dispute is not null;

    public string? Dispute { get; set; }

    public DunningPause? Pause { get; set; }

    public DateTimeOffset? WrittenOffAt { get; set; }

    /// <summary>Parts of the claim the owner gave up, with reasons (see <see cref="WriteOff"/>).</summary>
    public List<WriteOff> WriteOffs { get; init; } = [];

    public List<CreditNote> CreditNotes { get; init; } = [];

    /// <summary>The day the claim was settled (nothing left open), set by the claim ledger; null while something is owed.</summary>
    public DateOnly? SettledOn { get; private set; }

    /// <summary>True when the due date was an agreed calendar date (§286(2) Nr. 1 BGB); null: the owner's default.</summary>
    public bool? DueDateAgreed { get; set; }

    /// <summary>True when the invoice carried the §286(3) notice for consumers; null: the owner's default.</summary>
    public bool? DefaultNotice { get; set; }

    /// <summary>The owner's file path or URL of the original document, if any.</summary>
    public string? DocumentLink { get; set; }

    /// <summary>Optimistic concurrency: incremented by the store on every write.</summary>
    public int Version { get; set; }

    /// <summary>The sum of all payments received (what they settled is the claim's business).</summary>
    public decimal Paid => Payments.Sum(p => p.Amount);

    public Money TotalMoney => new(Total, Currency);

    /// <summary>
    /// The status at <paramref name="now"/>: written off and paid (the claim settled) win over disputed and paused, and
    /// those over partially paid (a payment, write-off or credit note was booked).
    /// </summary>
    public InvoiceStatus StatusAt(DateTimeOffset now) =>
        WrittenOffAt is not null ? InvoiceStatus.WrittenOff
        : SettledOn is not null ? InvoiceStatus.Paid
        : IsDisputed ? InvoiceStatus.Disputed
        : Pause?.IsActive(now) == true ? InvoiceStatus.Paused
        : Payments.Count > 0 || WriteOffs.Count > 0 || CreditNotes.Count > 0 ? InvoiceStatus.PartiallyPaid
        : InvoiceStatus.Open;

    /// <summary>True when the invoice may be reminded at <paramref name="now"/> (open or partially paid).</summary>
    public bool IsDunnable(DateTimeOffset now) => StatusAt(now) is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid;
}
