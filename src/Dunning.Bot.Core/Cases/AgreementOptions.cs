namespace Dunning.Bot.Core.Cases;

/// <summary>
/// How agreements treat the claim while they run. Bound from <see cref="SectionName"/>, the same section as the
/// negotiation limits (<see cref="Policies.NegotiationLimitsOptions"/>), so the owner finds everything about deals in one place.
/// </summary>
public sealed class AgreementOptions
{
    public const string SectionName = "Dunning:Negotiation";

    /// <summary>
    /// True (default): default interest keeps running while an agreement is in force, and the debtor is told so before
    /// confirming; false: the debtor is told no further interest is charged while they keep to it.
    /// </summary>
    public bool InterestRunsDuringAgreement { get; set; } = true;
}
