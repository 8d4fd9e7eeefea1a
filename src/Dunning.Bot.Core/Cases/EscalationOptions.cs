using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Cases;

/// <summary>Priority and response-time target per escalation reason (section <c>Escalation</c>).</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>Per reason; reasons not listed use <see cref="Default"/>.</summary>
    public Dictionary<EscalationReason, EscalationRule> Rules { get; init; } = new()
    {
        [EscalationReason.Hardship] = new() { Priority = EscalationPriority.High, RespondWithinHours = 4 },
        [EscalationReason.Dispute] = new() { Priority = EscalationPriority.High, RespondWithinHours = 24 },
        [EscalationReason.RequestHuman] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 24 },
        [EscalationReason.ApprovalRequired] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 24 },
        [EscalationReason.BeyondLimits] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 24 },
        [EscalationReason.CounterOfferRefused] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 24 },
        [EscalationReason.ClaimedPaid] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 48 },
        [EscalationReason.BrokenPromise] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 48 },
        [EscalationReason.FinalStage] = new() { Priority = EscalationPriority.High, RespondWithinHours = 72 },
        [EscalationReason.DeadChannel] = new() { Priority = EscalationPriority.Low, RespondWithinHours = 72 },
        [EscalationReason.OptOut] = new() { Priority = EscalationPriority.Low, RespondWithinHours = 72 },
        [EscalationReason.NotUnderstood] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 24 },
        [EscalationReason.NewBinding] = new() { Priority = EscalationPriority.Low, RespondWithinHours = 72 },
    };

    public EscalationRule Default { get; init; } = new();

    public EscalationRule For(EscalationReason reason) => Rules.GetValueOrDefault(reason) ?? Default;
}

public sealed class EscalationRule
{
    public EscalationPriority Priority { get; init; } = EscalationPriority.Normal;

    /// <summary>The answer the debtor is promised within this many hours.</summary>
    public int RespondWithinHours { get; init; } = 24;
}
