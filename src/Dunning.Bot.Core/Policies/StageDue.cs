using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// The stage to send for one invoice: the stage, the day it became due, the payment deadline its message states
/// (when sent on the evaluation day) and the fee this stage adds (zero when none or already charged).
/// </summary>
public sealed record StageDue(DunningStage Stage, DateOnly DueOn, DateOnly Deadline, Money Fee);
