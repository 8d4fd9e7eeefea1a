using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// What a negotiation is about: a debtor's invoices (one currency), the day it happens (<see cref="Today"/>, in the
/// debtor's zone), the deadline currently stated to the debtor, the ladder stage, and how many automatic agreements the
/// invoices already had (the highest count among them).
/// </summary>
public sealed record NegotiationContext
{
    public required string DebtorId { get; init; }

    public required IReadOnlyList<Invoice> Invoices { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>The payment deadline the debtor was last given (a deferral counts from it, or from today if it has passed).</summary>
    public required DateOnly CurrentDeadline { get; init; }

    /// <summary>The amount to settle: the invoices' open claims (principal, interest and fees) from the statement.</summary>
    public required Money Amount { get; init; }

    /// <summary>Wording key of the invoice's current ladder stage, for <see cref="NegotiationLimitsOptions.DiscountStages"/>.</summary>
    public string? StageKey { get; init; }

    /// <summary>The current stage's DiscountOfferAllowed flag (used when DiscountStages is empty).</summary>
    public bool StageAllowsDiscount { get; init; }

    public int AgreementsSoFar { get; init; }

    /// <summary>
    /// The debtor's country and state (<see cref="Debtor.Country"/>, <see cref="Debtor.State"/>): every date offered is a
    /// working day there (§193 BGB). Null country: Germany's nationwide holidays, the debtor default.
    /// </summary>
    public string? Country { get; init; }

    /// <inheritdoc cref="Country"/>
    public string? State { get; init; }

    /// <summary>The amount to settle, checked: invoices exist and share one currency.</summary>
    public Money Settle()
    {
        if (Invoices.Count == 0)
            throw new ArgumentException("A negotiation needs at least one invoice.", nameof(Invoices));
        var currency = Invoices[0].Currency;
        if (Invoices.Any(i => i.Currency != currency) || Amount.Currency != currency)
            throw new ArgumentException("A negotiation covers invoices of one currency only.", nameof(Invoices));
        return Amount;
    }
}
