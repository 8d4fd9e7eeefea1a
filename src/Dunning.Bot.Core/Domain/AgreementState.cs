namespace Dunning.Bot.Core.Domain;

/// <summary>
/// Where a <see cref="PaymentAgreement"/> stands. At most one agreement per invoice is <see cref="Active"/>: a newly
/// confirmed one supersedes it. Stored by name; the values keep their numbers (Active was called "Agreed" before, and
/// storage still reads that name).
/// </summary>
public enum AgreementState
{
    /// <summary>Terms put together but not (yet) confirmed or sent to a person.</summary>
    Proposed,

    /// <summary>A request beyond the bot's limits, waiting for staff.</summary>
    AwaitingApproval,

    /// <summary>Confirmed by the debtor (within the limits) or approved by staff; the one in force.</summary>
    Active,

    /// <summary>Staff said no to a request.</summary>
    Rejected,

    /// <summary>Paid as agreed.</summary>
    Kept,

    /// <summary>Not paid as agreed; dunning resumed.</summary>
    Broken,

    /// <summary>Replaced by a newer agreement for the same invoice(s) while it was active; kept for the history.</summary>
    Superseded,

    /// <summary>A request withdrawn before anyone decided it (a newer agreement took its place).</summary>
    Cancelled,
}
