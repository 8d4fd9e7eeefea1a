namespace Dunning.Bot.Core.Cases;

/// <summary>Where an agreement stands on a day.</summary>
public enum FollowUpStatus
{
    /// <summary>Nothing due so far is unpaid; check again on <see cref="FollowUpResult.NextCheck"/>.</summary>
    Pending,

    /// <summary>Everything agreed was paid (or the invoices are settled).</summary>
    Kept,

    /// <summary>At least one instalment due before the day was not covered by payments.</summary>
    Broken,
}

/// <summary>
/// The evaluation of an agreement against the payments received. <see cref="Missed"/> counts the instalments due before
/// the day that payments since the agreement do not cover (cumulatively); <see cref="Shortfall"/> is the amount missing
/// on them; <see cref="NextCheck"/> is the day after the next instalment still to come (null when none is left).
/// </summary>
public sealed record FollowUpResult(FollowUpStatus Status, int Missed, decimal Shortfall, DateOnly? NextCheck);

/// <summary>What a follow-up check found new (<see cref="FollowUpOutcome.Action"/>), so the schedule knows what to tell the debtor.</summary>
public enum FollowUpAction
{
    /// <summary>The agreement is marked Kept.</summary>
    Kept,

    /// <summary>A first break: the schedule sends a friendly follow-up about the missed payment.</summary>
    Reminded,

    /// <summary>A second break (on this agreement or counting earlier broken ones for the same invoices): staff were asked.</summary>
    Escalated,
}
