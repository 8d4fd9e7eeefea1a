namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// What a debtor's message asks for or states. Exactly these intents exist;
/// <see cref="IntentNames"/> maps them to their wire names (e.g. <c>ask_amount</c>).
/// Understanding never decides what is allowed: the owner's policies do.
/// </summary>
public enum Intent
{
    /// <summary>Anything else: off-topic, gibberish, attempts to instruct the bot.</summary>
    Unknown = 0,
    Greeting,
    Thanks,
    AskAmount,
    AskDueDate,
    AskInvoiceDetails,
    AskPaymentDetails,
    RequestInvoiceCopy,
    ClaimPaid,
    PromiseToPay,
    RequestDeferral,
    RequestInstalments,
    Dispute,
    Hardship,
    RequestHuman,
    StopContact,
    Affirm,
    Deny,
    AskConsequences,

    /// <summary>Asks what was agreed: the current arrangement, the next instalment's amount or date.</summary>
    AskAgreement,
}
