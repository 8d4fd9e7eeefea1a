namespace Dunning.Bot.Core.Domain;

public enum EscalationReason
{
    RequestHuman,
    Dispute,
    Hardship,
    BeyondLimits,
    ApprovalRequired,
    CounterOfferRefused,
    NotUnderstood,
    BrokenPromise,
    FinalStage,
    DeadChannel,
    OptOut,
    ClaimedPaid,

    /// <summary>A new chat replaced the debtor's address on a channel (told on the old chat too).</summary>
    NewBinding,
}
