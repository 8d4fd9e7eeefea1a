using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Claims;

/// <summary>
/// A payment booked on a claim: the claim after it, how the payment was allocated (<see cref="Entry"/>; null for a
/// duplicate), the residue waived automatically, and whether it was a duplicate that changed nothing.
/// </summary>
public sealed record Booking(Claim Claim, ClaimEntry? Entry, Money Waived, bool Duplicate)
{
    /// <summary>What this payment left over beyond the claim.</summary>
    public Money Credit => Entry?.ToCredit ?? Money.Zero(Claim.Currency);
}
