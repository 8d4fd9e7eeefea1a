using System.Globalization;
using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Staff.Desk;

/// <summary>
/// The owner's decision on a proposed deal (AwaitingApproval). Approval puts it in force through
/// <see cref="AgreementDesk.ApproveAsync"/> (dunning paused, follow-up scheduled) and sends the debtor the same written
/// summary the bot sends for a deal it makes; rejection tells the debtor, with the owner's optional sentence. Either way
/// the escalation that asked for the decision is resolved.
/// </summary>
public sealed class DealActions(
    IAgreementStore agreements,
    IDebtorStore debtors,
    IEscalationStore escalations,
    AgreementDesk desk,
    DebtorMessenger messenger,
    MessageCatalogue catalogue,
    StaffRecords records)
{
    public async Task<StaffResult> ApproveAsync(StaffActor actor, string agreementId, CancellationToken cancellationToken)
    {
        var (problem, agreement, debtor) = await LoadAsync(actor, agreementId, cancellationToken);
        if (problem is not null)
            return problem;
        try
        {
            await desk.ApproveAsync(debtor!, agreement!, actor.UserName, cancellationToken);
        }
        catch (Exception ex) when (ex is DomainException or ConcurrencyConflictException)
        {
            return StaffResult.Conflict($"Agreement {agreementId} was decided meanwhile; reload the case.");
        }
        await ResolveEscalationsAsync(actor, agreement!, cancellationToken);
        var note = await TellDebtorAsync(debtor!, language => catalogue.Render(AgreementWording.Dialog, "agreed", language, AgreementWording.Terms(agreement!, promise: false)),
            actor, cancellationToken);
        await records.WriteAsync(actor, debtor!.Id, "approve-deal", $"agreement {agreementId}", "AwaitingApproval", "Active", null, cancellationToken);
        return StaffResult.Done($"Agreement {agreementId} approved. {note}");
    }

    public async Task<StaffResult> RejectAsync(StaffActor actor, string agreementId, string? reason, CancellationToken cancellationToken)
    {
        var (problem, agreement, debtor) = await LoadAsync(actor, agreementId, cancellationToken);
        if (problem is not null)
            return problem;
        var now = records.Now;
        try
        {
            agreement!.Reject(now, actor.UserName);
            await agreements.SaveAsync(agreement, cancellationToken);
        }
        catch (Exception ex) when (ex is DomainException or ConcurrencyConflictException)
        {
            return StaffResult.Conflict($"Agreement {agreementId} was decided meanwhile; reload the case.");
        }
        await ResolveEscalationsAsync(actor, agreement, cancellationToken);
        var sentence = string.IsNullOrWhiteSpace(reason) ? "" : reason.Trim()[..Math.Min(reason.Trim().Length, 500)];
        var note = await TellDebtorAsync(debtor!, language => catalogue.Render("console", "deal_rejected", language, new
        {
            invoices = string.Join(", ", agreement.InvoiceNumbers),
            note = sentence,
        }), actor, cancellationToken);
        await records.WriteAsync(actor, debtor!.Id, "reject-deal", $"agreement {agreementId}", "AwaitingApproval", JsonSerializer.Serialize(new { state = "Rejected", reason = sentence }),
            new CaseAction(now, CaseActionKinds.Agreement, $"{agreement.Kind} {agreement.Id} rejected by {actor.UserName}" + (sentence.Length > 0 ? $": {sentence}" : ""),
                InvoiceNumbers: agreement.InvoiceNumbers, Actor: actor.UserName), cancellationToken);
        return StaffResult.Done($"Agreement {agreementId} rejected. {note}");
    }

    private async Task<(StaffResult? Problem, PaymentAgreement? Agreement, Debtor? Debtor)> LoadAsync(StaffActor actor, string agreementId, CancellationToken cancellationToken)
    {
        if (!actor.IsOwner)
            return (StaffResult.Forbidden("Only the owner decides deals."), null, null);
        var agreement = await agreements.FindAsync(agreementId, cancellationToken);
        if (agreement is null)
            return (StaffResult.NotFound($"There is no agreement {agreementId}."), null, null);
        if (agreement.State != AgreementState.AwaitingApproval)
            return (StaffResult.Conflict($"Agreement {agreementId} is {agreement.State}; only a deal awaiting approval can be decided."), null, null);
        var debtor = await debtors.FindAsync(agreement.DebtorId, cancellationToken);
        return debtor is null ? (StaffResult.NotFound($"The debtor {agreement.DebtorId} no longer exists."), null, null) : (null, agreement, debtor);
    }

    /// <summary>The proposal's escalation names the agreement id in its detail (see AgreementDesk.ProposeAsync).</summary>
    private async Task ResolveEscalationsAsync(StaffActor actor, PaymentAgreement agreement, CancellationToken cancellationToken)
    {
        foreach (var escalation in await escalations.ListByDebtorAsync(agreement.DebtorId, cancellationToken))
        {
            if (escalation.State == EscalationState.Resolved || escalation.Detail?.Contains(agreement.Id, StringComparison.Ordinal) != true)
                continue;
            escalation.State = EscalationState.Resolved;
            escalation.ClosedAt = records.Now;
            escalation.AssignedTo ??= actor.UserName;
            try
            {
                await escalations.SaveAsync(escalation, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Someone resolved or took it meanwhile; their change stands.
            }
        }
    }

    private async Task<string> TellDebtorAsync(Debtor debtor, Func<string, string> render, StaffActor actor, CancellationToken cancellationToken)
    {
        var link = await messenger.LatestConversationAsync(debtor, cancellationToken);
        if (link is null)
            return "The debtor has no chat yet; tell them by letter or e-mail.";
        var result = await messenger.SendAsync(link, Activity.CreateMessage(render(link.Language)), actor.UserName, cancellationToken);
        return result.Status == Channels.DeliveryStatus.Delivered
            ? $"The debtor was told on {link.Channel}."
            : string.Create(CultureInfo.InvariantCulture, $"The message to the debtor was not delivered ({result.Status}: {result.Detail}).");
    }
}
