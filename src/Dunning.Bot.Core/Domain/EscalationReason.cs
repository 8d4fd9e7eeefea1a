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

    /// <summary>A new chat replaced the debtor's address on a channel (told on the old chat too).</summary>
    NewBinding,
}
