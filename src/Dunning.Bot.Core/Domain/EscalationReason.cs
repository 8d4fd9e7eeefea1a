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

    /// <summary>Wrong access codes, owner link codes or passwords spiked: someone may be guessing (no debtor).</summary>
    SecretGuessing,
}
