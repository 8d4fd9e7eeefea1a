namespace Dunning.Bot.Core.Reminders;

public enum PlanOutcome
{
    /// <summary>Nothing due now; <see cref="PlanResult.NextActionAt"/> says when to look again.</summary>
    NothingDue,

    /// <summary>A message was written to the outbox and the case advanced.</summary>
    Enqueued,

    /// <summary>A message is due but the contact rules move it to <see cref="PlanResult.At"/>.</summary>
    Deferred,

    /// <summary>A message is due but may not be sent (see the reason); looked at again later.</summary>
    Suppressed,

    /// <summary>An earlier message to the debtor is still in the outbox.</summary>
    Waiting,

    /// <summary>Someone else changed the case meanwhile; the next sweep looks again.</summary>
    Conflict,
}
