namespace Dunning.Bot.Core.Domain;

/// <summary>
/// An invoice the owner issued to a debtor. Invariants: the number is non-empty, the due date is not
/// before the issue date, the currency is ISO 4217, the total is positive, payments are positive.
/// The open balance never goes below zero; an overpayment is kept as <see cref="Credit"/>.
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

    public bool IsDisputed => Dispute is not null;

    public string? Dispute { get; set; }

    public DunningPause? Pause { get; set; }

    public DateTimeOffset? WrittenOffAt { get; set; }

    /// <summary>The owner's file path or URL of the original document, if any.</summary>
    public string? DocumentLink { get; set; }

    /// <summary>Optimistic concurrency: incremented by the store on every write.</summary>
    public int Version { get; set; }

    public decimal Paid => Payments.Sum(p => p.Amount);

    public decimal OpenBalance => Math.Max(0m, Total - Paid);

    /// <summary>What was paid beyond the total; the owner refunds or offsets it.</summary>
    public decimal Credit => Math.Max(0m, Paid - Total);

    public Money OpenMoney => new(OpenBalance, Currency);

    public Money TotalMoney => new(Total, Currency);

    /// <summary>The status at <paramref name="now"/>: written off, disputed and paused win over payment state.</summary>
    public InvoiceStatus StatusAt(DateTimeOffset now) =>
        WrittenOffAt is not null ? InvoiceStatus.WrittenOff
        : OpenBalance == 0m ? InvoiceStatus.Paid
        : IsDisputed ? InvoiceStatus.Disputed
        : Pause?.IsActive(now) == true ? InvoiceStatus.Paused
        : Paid > 0m ? InvoiceStatus.PartiallyPaid
        : InvoiceStatus.Open;

    /// <summary>True when the invoice may be reminded at <paramref name="now"/> (open or partially paid).</summary>
    public bool IsDunnable(DateTimeOffset now) => StatusAt(now) is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid;
}
