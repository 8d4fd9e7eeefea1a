using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Proofs;

namespace Dunning.Bot.Core.Ports;

/// <summary>
/// Proof of payment sent by the debtor (a screenshot or PDF of the transfer). The host reads the files attached to the
/// turn's message on whatever channel it came (web chat upload, Telegram photo or document, Teams file, e-mail
/// attachment), checks them by their content, and keeps them beside the debtor's case.
/// </summary>
public interface IPaymentProofs
{
    /// <summary>How many files the turn's message carries (cards, and the message body Teams sends as HTML, not counted).</summary>
    int FilesIn(ITurnContext turn);

    /// <summary>
    /// Reads and checks every file of the turn's message and keeps them all, or none: on a refusal nothing is stored.
    /// Kept files are recorded in the case history and staff are told. Never throws for bad files; a channel that
    /// cannot deliver a file answers <see cref="ProofRefusal.Unreadable"/>.
    /// </summary>
    Task<ProofReceipt> KeepAsync(ITurnContext turn, ProofRequest request, CancellationToken cancellationToken);
}
