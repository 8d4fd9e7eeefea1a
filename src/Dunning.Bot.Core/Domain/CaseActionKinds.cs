namespace Dunning.Bot.Core.Domain;

/// <summary>The words used in <see cref="CaseAction.Kind"/>; the case file groups by them.</summary>
public static class CaseActionKinds
{
    public const string Reminder = "reminder";
    public const string Suppressed = "suppressed";

    /// <summary>A proactive message arrived: its channel confirmed it (SMTP accepted, 2xx, or a web chat client fetched it).</summary>
    public const string Delivered = "delivered";

    /// <summary>
    /// A reminder that was accepted but came back as a bounce report: its <see cref="Reminder"/> and <see cref="Delivered"/>
    /// entries are rewritten to this kind, so it counts neither as sent nor as received.
    /// </summary>
    public const string Bounced = "bounced";

    /// <summary>A reminder went out without the invoice document the owner provided (not found, too large, refused); staff may send it.</summary>
    public const string AttachmentMissing = "attachment_missing";
    public const string Payment = "payment";
    public const string WriteOff = "write_off";
    public const string ClaimedPaid = "claimed_paid";

    /// <summary>The debtor sent a proof of payment (a transfer confirmation); the files are kept beside the case.</summary>
    public const string ProofOfPayment = "proof_of_payment";
    public const string Promise = "promise";
    public const string Agreement = "agreement";

    /// <summary>A reminder's proactive "last offer" (a discount or a deferral), see <see cref="Reminders.StandingOffer"/>.</summary>
    public const string Offer = "offer";
    public const string Dispute = "dispute";
    public const string Hardship = "hardship";
    public const string Pause = "pause";
    public const string OptOut = "opt_out";
    public const string Escalation = "escalation";
    public const string Staff = "staff";
    public const string Objection = "objection";
    public const string Linked = "linked";
    public const string Rebound = "rebound";
    public const string ProofsRotated = "proofs_rotated";

    /// <summary>The first-contact letter (access code, chat links, payment details) was printed for the debtor.</summary>
    public const string Letter = "letter";
}
