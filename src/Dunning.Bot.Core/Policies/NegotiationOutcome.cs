namespace Dunning.Bot.Core.Policies;

/// <summary>
/// The answer to a debtor's request. <see cref="Reason"/> is a stable code: <c>within_limits</c>, <c>deferral_too_long</c>,
/// <c>too_many_instalments</c>, <c>instalment_too_small</c>, <c>plan_too_long</c>, <c>first_instalment_too_late</c>,
/// <c>discount_too_high</c>, <c>discount_not_at_stage</c>, <c>discount_not_offered</c>, <c>deferral_not_offered</c>,
/// <c>instalments_not_offered</c>, <c>balance_too_small_for_instalments</c>, <c>single_payment</c>, <c>date_in_past</c>,
/// <c>invalid_request</c>, <c>nothing_open</c>, <c>above_threshold</c>, <c>too_many_agreements</c>.
/// </summary>
public abstract record NegotiationOutcome(string Reason)
{
    /// <summary>The request is within the limits; these are the exact terms.</summary>
    public sealed record Accept(NegotiationTerms Terms) : NegotiationOutcome("within_limits");

    /// <summary>
    /// The request is beyond a limit; <see cref="Offer"/> is the closest within the limits, <see cref="Alternative"/>
    /// another kind of deal the debtor may prefer (e.g. instalments instead of a too-long deferral), if any.
    /// </summary>
    public sealed record CounterOffer(NegotiationTerms Offer, NegotiationTerms? Alternative, string Why) : NegotiationOutcome(Why);

    /// <summary>A person must decide; <see cref="Requested"/> are the terms as asked, for the staff proposal.</summary>
    public sealed record NeedsApproval(string Why, NegotiationTerms? Requested) : NegotiationOutcome(Why);

    /// <summary>No deal of this kind; <see cref="Alternative"/> is another deal within the limits, if any.</summary>
    public sealed record Refuse(string Why, NegotiationTerms? Alternative) : NegotiationOutcome(Why);
}
