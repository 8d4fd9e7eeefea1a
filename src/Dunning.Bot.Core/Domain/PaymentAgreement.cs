namespace Dunning.Bot.Core.Domain;

/// <summary>
/// A deferral, an instalment plan or an early-payment discount for one or more invoices of a debtor.
/// The schedule's amounts add up to the amount agreed; states move forward only:
/// Proposed → AwaitingApproval → Agreed (or Rejected) → Kept or Broken.
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

    public AgreementState State { get; private set; } = AgreementState.Proposed;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    /// <summary>How many instalments were missed so far; a second miss escalates.</summary>
    public int Breaks { get; set; }

    public int Version { get; set; }

    public decimal Amount => Schedule.Sum(i => i.Amount);

    public void RequestApproval() => Move(AgreementState.AwaitingApproval, AgreementState.Proposed);

    public void Agree(DateTimeOffset at, string by)
    {
        Move(AgreementState.Agreed, AgreementState.Proposed, AgreementState.AwaitingApproval);
        (DecidedAt, DecidedBy) = (at, by);
    }

    public void Reject(DateTimeOffset at, string by)
    {
        Move(AgreementState.Rejected, AgreementState.Proposed, AgreementState.AwaitingApproval);
        (DecidedAt, DecidedBy) = (at, by);
    }

    public void MarkKept() => Move(AgreementState.Kept, AgreementState.Agreed);

    public void MarkBroken() => Move(AgreementState.Broken, AgreementState.Agreed);

    /// <summary>Restores a persisted state without transition checks (storage only).</summary>
    public void Restore(AgreementState state, DateTimeOffset? decidedAt, string? decidedBy) =>
        (State, DecidedAt, DecidedBy) = (state, decidedAt, decidedBy);

    private void Move(AgreementState to, params AgreementState[] from)
    {
        if (!from.Contains(State))
            throw new DomainException($"Agreement {Id}: cannot go from {State} to {to}.");
        State = to;
    }
}
