using System.Globalization;
using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Staff.Actions;

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
            return StaffResult.Conflict("result_decided_meanwhile");
        }
        await ResolveEscalationsAsync(actor, agreement!, cancellationToken);
        var note = await TellDebtorAsync(debtor!, language => catalogue.Render(AgreementWording.Dialog, "agreed", language, AgreementWording.Terms(agreement!, promise: false)),
            actor, cancellationToken);
        await records.WriteAsync(actor, debtor!.Id, "approve-deal", $"agreement {agreementId}", "AwaitingApproval", "Active", null, cancellationToken);
        return StaffResult.Done("result_approved", note);
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
            return StaffResult.Conflict("result_decided_meanwhile");
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
        return StaffResult.Done("result_rejected", note);
    }

    private async Task<(StaffResult? Problem, PaymentAgreement? Agreement, Debtor? Debtor)> LoadAsync(StaffActor actor, string agreementId, CancellationToken cancellationToken)
    {
        if (!actor.IsOwner)
            return (StaffResult.Forbidden("result_owner_only"), null, null);
        var agreement = await agreements.FindAsync(agreementId, cancellationToken);
        if (agreement is null)
            return (StaffResult.NotFound("result_no_agreement"), null, null);
        if (agreement.State != AgreementState.AwaitingApproval)
            return (StaffResult.Conflict("result_not_awaiting", new { state = agreement.State.ToString() }), null, null);
        var debtor = await debtors.FindAsync(agreement.DebtorId, cancellationToken);
        return debtor is null ? (StaffResult.NotFound("result_no_debtor", new { id = agreement.DebtorId }), null, null) : (null, agreement, debtor);
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

    /// <summary>Tells the debtor in their latest chat; the outcome as the variables of <c>result_approved</c>/<c>result_rejected</c>.</summary>
    private async Task<Told> TellDebtorAsync(Debtor debtor, Func<string, string> render, StaffActor actor, CancellationToken cancellationToken)
    {
        var link = await messenger.LatestConversationAsync(debtor, cancellationToken);
        if (link is null)
            return new Told("no_chat", "", "");
        var result = await messenger.SendAsync(link, Activity.CreateMessage(render(link.Language)), actor.UserName, cancellationToken);
        return result.Status == Channels.DeliveryStatus.Delivered
            ? new Told("told", link.Channel, "")
            : new Told("not_delivered", link.Channel, string.Create(CultureInfo.InvariantCulture, $"{result.Status}: {result.Detail}"));
    }

    /// <summary>Whether the debtor was told: <c>told</c>, <c>no_chat</c> or <c>not_delivered</c>, on which channel, why not.</summary>
    private sealed record Told(string Delivery, string Channel, string Detail);
}
