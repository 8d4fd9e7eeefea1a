using System.Globalization;

namespace Dunning.Bot.Core.Domain;

/// <summary>
/// A deferral, an instalment plan or an early-payment discount for one or more invoices of a debtor. It covers the
/// whole open claim of those invoices at the instant it was made; the schedule's amounts add up to that amount.
/// States move forward only: Proposed → AwaitingApproval → Active (or Rejected, or Cancelled) → Kept, Broken or
/// Superseded (a newer agreement for the same invoices took its place).
/// </summary>
public sealed class PaymentAgreement
{
    public required string Id { get; init; }

    public required string DebtorId { get; init; }

    public required AgreementKind Kind { get; init; }

    public required IReadOnlyList<string> InvoiceNumbers { get; init; }

    public required string Currency { get; init; }

    public required List<Instalment> Schedule { get; init; }

    /// <summary>For a discount: the percentage off the open balance.</summary>
    public decimal? DiscountPercent { get; init; }

    /// <summary>For a discount: the offer holds until this date.</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>True (the default) when default interest keeps running while the agreement is in force, as the debtor was told.</summary>
    public bool InterestRuns { get; init; } = true;

    public AgreementState State { get; private set; } = AgreementState.Proposed;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    /// <summary>The agreement that replaced this one (state Superseded) or took the place of this request (Cancelled).</summary>
    public string? ReplacedBy { get; private set; }

    /// <summary>How many instalments were missed so far; a second miss escalates.</summary>
    public int Breaks { get; set; }

    public int Version { get; set; }

    public decimal Amount => Schedule.Sum(i => i.Amount);

    /// <summary>True when this agreement and <paramref name="other"/> cover at least one common invoice.</summary>
    public bool Overlaps(PaymentAgreement other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return InvoiceNumbers.Intersect(other.InvoiceNumbers, StringComparer.Ordinal).Any();
    }

    public void RequestApproval() => Move(AgreementState.AwaitingApproval, AgreementState.Proposed);

    /// <summary>The debtor confirmed it (within the limits) or staff approved it: it is in force.</summary>
    public void Agree(DateTimeOffset at, string by)
    {
        Move(AgreementState.Active, AgreementState.Proposed, AgreementState.AwaitingApproval);
        (DecidedAt, DecidedBy) = (at, by);
    }

    public void Reject(DateTimeOffset at, string by)
    {
        Move(AgreementState.Rejected, AgreementState.Proposed, AgreementState.AwaitingApproval);
        (DecidedAt, DecidedBy) = (at, by);
    }

    public void MarkKept() => Move(AgreementState.Kept, AgreementState.Active);

    public void MarkBroken() => Move(AgreementState.Broken, AgreementState.Active);

    /// <summary>A newer agreement (<paramref name="by"/>) for the same invoices was put in force: this one ends, kept in the history.</summary>
    public void Supersede(string by)
    {
        Move(AgreementState.Superseded, AgreementState.Active);
        ReplacedBy = by;
    }

    /// <summary>A request nobody decided yet is withdrawn because <paramref name="by"/> took its place.</summary>
    public void Cancel(string by)
    {
        Move(AgreementState.Cancelled, AgreementState.Proposed, AgreementState.AwaitingApproval);
        ReplacedBy = by;
    }

    /// <summary>Restores a persisted state without transition checks (storage only).</summary>
    public void Restore(AgreementState state, DateTimeOffset? decidedAt, string? decidedBy, string? replacedBy = null) =>
        (State, DecidedAt, DecidedBy, ReplacedBy) = (state, decidedAt, decidedBy, replacedBy);

    /// <summary>
    /// The terms in one line for staff and the case history, e.g. "InstalmentPlan: 160.00 EUR by 2026-12-04, …";
    /// a plan of more than three instalments is shortened to its count, first and last date and total.
    /// </summary>
    public string Describe()
    {
        string Part(Instalment i) => $"{i.Amount.ToString("0.00", CultureInfo.InvariantCulture)} {Currency} by {i.DueDate:yyyy-MM-dd}";
        var terms = Schedule.Count <= 3
            ? string.Join(", ", Schedule.Select(Part))
            : $"{Schedule.Count} instalments, {Part(Schedule[0])} … {Part(Schedule[^1])}, total {Amount.ToString("0.00", CultureInfo.InvariantCulture)} {Currency}";
        var discount = DiscountPercent is { } percent ? $" ({percent.ToString("0.##", CultureInfo.InvariantCulture)} % discount)" : "";
        return $"{Kind}: {terms}{discount}";
    }

    private void Move(AgreementState to, params AgreementState[] from)
    {
        if (!from.Contains(State))
            throw new DomainException($"Agreement {Id}: cannot go from {State} to {to}.");
        State = to;
    }
}
