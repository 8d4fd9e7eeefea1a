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
}
