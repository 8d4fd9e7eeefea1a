namespace Dunning.Bot.Core.Claims;

/// <summary>How a payment is split over the parts of a claim.</summary>
public enum ClaimAllocation
{
    /// <summary>§367(1) BGB: costs (fees) first, then interest, then the principal. The default.</summary>
    Statutory = 0,

    /// <summary>The principal first, then interest, then costs (an owner's concession to the debtor).</summary>
    PrincipalFirst,
}
