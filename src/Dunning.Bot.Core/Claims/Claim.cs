using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Core.Claims;

/// <summary>
/// What one invoice's claim stands at on <see cref="Through"/>: the principal (the total less credit notes), statutory
/// interest and costs (dunning fees and the §288(5) lump sum) owed since default, what was paid and written off, and the
/// open part of each. Invariants: nothing is negative, and
/// <c>Principal + Interest + Fees − Paid − WrittenOff + Credit = Open</c> to the cent, with <c>Open = OpenPrincipal +
/// OpenInterest + OpenFees</c>. All amounts are in the invoice's currency.
/// </summary>
public sealed record Claim
{
    public required Money Principal { get; init; }

    public required Money Interest { get; init; }

    public required Money Fees { get; init; }

    public required Money Paid { get; init; }

    public required Money WrittenOff { get; init; }

    /// <summary>What was paid beyond the claim; the owner refunds or offsets it.</summary>
    public required Money Credit { get; init; }

    public required Money OpenPrincipal { get; init; }

    public required Money OpenInterest { get; init; }

    public required Money OpenFees { get; init; }

    /// <summary>The first day of default, or null when the debtor is not (yet) in default.</summary>
    public DateOnly? DefaultSince { get; init; }

    public DefaultReason DefaultReason { get; init; }

    /// <summary>The day behind the reason: the agreed due date, the day the reminder was received, or the day the 30 days began.</summary>
    public DateOnly? DefaultReasonDate { get; init; }

    public required DateOnly Through { get; init; }

    /// <summary>The ledger: every fee, payment, write-off and credit note with how it was allocated, oldest first.</summary>
    public required IReadOnlyList<ClaimEntry> Entries { get; init; }

    /// <summary>The interest periods (rate changes, year ends and principal changes split them).</summary>
    public required IReadOnlyList<InterestPeriod> InterestPeriods { get; init; }

    public Money Open => OpenPrincipal + OpenInterest + OpenFees;

    public bool IsSettled => Open.IsZero;

    public string Currency => Principal.Currency;
}
