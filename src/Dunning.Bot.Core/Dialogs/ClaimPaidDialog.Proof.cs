using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Proofs;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// The proof of payment: once the claim is noted the bot asks for the transfer confirmation and waits for one message.
/// Files are kept (all or none, see <see cref="Ports.IPaymentProofs"/>) and thanked for; a refused file is explained and
/// may be sent again up to <see cref="PaymentClaimOptions.ProofAttempts"/> times; "not now" (the button or a no) is
/// accepted; any other message ends the wait and is routed by MainDialog as if no dialog ran (an <see cref="Interruption"/>).
/// Nothing of the claim depends on the proof: the pause and the escalation are stored before the question.
/// </summary>
public sealed partial class ClaimPaidDialog
{
    private const string ProofId = "payment_claim.proof";
    private const string NotNowButton = "not_now";

    private async Task<DialogTurnResult> AskProofStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var wait = step.GetOptions<ProofWait>()!;
        if (!wait.Asked)
            await SayAsync(step.Context, wait.Attempt == 0 ? "ask_proof" : "ask_proof_again", null, cancellationToken, [NotNowButton]);
        return EndOfTurn;
    }

    private async Task<DialogTurnResult> ReceiveProofStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context;
        var wait = step.GetOptions<ProofWait>()!;
        if (proofs.FilesIn(turn) > 0)
        {
            if (await KeepProofAsync(turn, wait, cancellationToken) is null)
                return await step.EndDialogAsync(null, cancellationToken);
            if (wait.Attempt + 1 < options.ProofAttempts)
                return await step.ReplaceDialogAsync(ProofId, wait with { Attempt = wait.Attempt + 1, Asked = false }, cancellationToken);
            await SayAsync(turn, "proof_given_up", null, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        var understood = Understand(turn);
        if (string.Equals(turn.Activity.Text?.Trim(), Button(turn, NotNowButton), StringComparison.OrdinalIgnoreCase) || understood.Intent == Intent.Deny)
        {
            await SayAsync(turn, "no_proof", null, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        // "Yes" to "would you send it?" is no change of subject (and must never reach the last offer's "yes").
        if (understood.Intent == Intent.Affirm && wait.Attempt + 1 < options.ProofAttempts)
        {
            await SayAsync(turn, "proof_send_now", null, cancellationToken, [NotNowButton]);
            return await step.ReplaceDialogAsync(ProofId, wait with { Attempt = wait.Attempt + 1, Asked = true }, cancellationToken);
        }
        return await step.EndDialogAsync(new Interruption(understood), cancellationToken);
    }

    /// <summary>Keeps the files of this turn and thanks; on a refusal says why. Returns the refusal, null when kept.</summary>
    private async Task<ProofRefusal?> KeepProofAsync(ITurnContext turn, ProofWait wait, CancellationToken cancellationToken)
    {
        var request = new ProofRequest(DebtorOf(turn).Id, wait.Invoices, wait.EscalationId, TurnSession.Of(turn).Link.Key);
        var receipt = await proofs.KeepAsync(turn, request, cancellationToken);
        if (receipt.Kept)
        {
            await SayAsync(turn, "proof_received", new { files = string.Join(", ", receipt.FileNames), count = receipt.FileNames.Count }, cancellationToken);
            return null;
        }
        var refusal = receipt.Refusal ?? ProofRefusal.Empty;
        await SayAsync(turn, RefusalKey(refusal), new { limit = receipt.Limit }, cancellationToken);
        return refusal;
    }

    private static string RefusalKey(ProofRefusal refusal) => refusal switch
    {
        ProofRefusal.Empty => "proof_empty",
        ProofRefusal.TooLarge => "proof_too_large",
        ProofRefusal.TooMany => "proof_too_many",
        ProofRefusal.WrongType => "proof_wrong_type",
        ProofRefusal.Disguised => "proof_disguised",
        _ => "proof_unreadable",
    };

    /// <summary>What the proof question is about; the dialog options of <see cref="ProofId"/>, kept with the stack.</summary>
    internal sealed record ProofWait(List<string> Invoices, string? EscalationId, int Attempt, bool Asked = false);
}
