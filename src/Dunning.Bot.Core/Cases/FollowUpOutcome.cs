namespace Dunning.Bot.Core.Cases;

/// <summary>
/// What is new about an agreement on a follow-up check (<see cref="AgreementFollowUp.Consider"/>): the
/// <see cref="Action"/> to take, the <see cref="Breaks"/> counted after it, whether the agreement <see cref="Ends"/>
/// (kept, or broken for good: its invoices resume dunning) and the one-line <see cref="Summary"/> for the case history
/// and the owner.
/// </summary>
public sealed record FollowUpOutcome(FollowUpAction Action, int Breaks, bool Ends, string Summary);
