using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// Concrete terms: the exact schedule in whole minor units, adding up to <see cref="Amount"/> (for a discount: the
/// discounted amount, payable by <see cref="ValidUntil"/>). A deferral and a discount have one instalment.
/// </summary>
public sealed record NegotiationTerms(AgreementKind Kind, string Currency, IReadOnlyList<Instalment> Schedule, decimal? DiscountPercent = null, DateOnly? ValidUntil = null)
{
    public Money Amount => new(Schedule.Sum(i => i.Amount), Currency);

    public DateOnly LastDueDate => Schedule[^1].DueDate;

    /// <summary>A proposed <see cref="PaymentAgreement"/> with these terms.</summary>
    public PaymentAgreement ToAgreement(string id, string debtorId, IReadOnlyList<string> invoiceNumbers, DateTimeOffset createdAt, bool interestRuns = true) => new()
    {
        Id = id,
        DebtorId = debtorId,
        Kind = Kind,
        InvoiceNumbers = invoiceNumbers,
        Currency = Currency,
        Schedule = [.. Schedule],
        DiscountPercent = DiscountPercent,
        ValidUntil = ValidUntil,
        InterestRuns = interestRuns,
        CreatedAt = createdAt,
    };
}
