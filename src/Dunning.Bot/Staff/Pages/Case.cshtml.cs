using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Staff.Actions;
using Microsoft.AspNetCore.Mvc;

namespace Dunning.Bot.Staff.Pages;

/// <summary>
/// One debtor's case: invoices with balance, interest and fees, agreements (owner decides proposals), escalations,
/// conversations, the timeline, and the actions on invoices and contacts. Owner-only actions answer 403 to staff.
/// </summary>
public sealed partial class CaseModel(
    IDebtorStore debtors,
    ICaseStore cases,
    IAgreementStore agreements,
    IEscalationStore escalations,
    IConversationStore conversations,
    InvoiceStatements statements,
    CaseActions actions,
    DealActions deals,
    IAuditLog audit,
    DunningLadder ladder,
    TimeProvider clock) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string DebtorId { get; set; } = "";

    public Debtor? Debtor { get; private set; }

    public DebtorStatement? Statement { get; private set; }

    public IReadOnlyList<PaymentAgreement> Agreements { get; private set; } = [];

    public IReadOnlyList<Escalation> Escalations { get; private set; } = [];

    public IReadOnlyList<ConversationLink> Conversations { get; private set; } = [];

    public IReadOnlyList<CaseAction> History { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public DunningLadder Ladder => ladder;

    /// <summary>Proposals that wait for the owner's decision: shown first on the page.</summary>
    public IReadOnlyList<PaymentAgreement> Pending => [.. Agreements.Where(a => a.State == AgreementState.AwaitingApproval)];

    public bool IsOwner => User.IsInRole(StaffRoles.Owner);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Live"] = true;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostPaymentAsync(string number, decimal? amount, DateOnly? paidOn, string? reference, CancellationToken cancellationToken) =>
        RunAsync(actions.RecordPaymentAsync(Actor, number, amount, paidOn, reference, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostWriteOffAsync(string number, decimal? amount, string? reason, CancellationToken cancellationToken) =>
        RunAsync(actions.WriteOffAsync(Actor, number, amount, reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostPauseAsync(string number, string? reason, DateOnly? until, CancellationToken cancellationToken) =>
        RunAsync(PauseAsync(number, reason, until, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(string number, CancellationToken cancellationToken) =>
        RunAsync(actions.ResumeAsync(Actor, number, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResolveDisputeAsync(string number, string? outcome, CancellationToken cancellationToken) =>
        RunAsync(actions.ResolveDisputeAsync(Actor, number, outcome, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostLiftOptOutAsync(string channel, CancellationToken cancellationToken) =>
        RunAsync(actions.LiftOptOutAsync(Actor, DebtorId, channel, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResolveEscalationAsync(string escalationId, string? note, CancellationToken cancellationToken) =>
        RunAsync(actions.ResolveEscalationAsync(Actor, escalationId, note, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(string agreementId, CancellationToken cancellationToken) =>
        RunAsync(deals.ApproveAsync(Actor, agreementId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(string agreementId, string? reason, CancellationToken cancellationToken) =>
        RunAsync(deals.RejectAsync(Actor, agreementId, reason, cancellationToken), cancellationToken);

    /// <summary>A pause "until" a date ends at the start of that day in the debtor's time zone.</summary>
    private async Task<StaffResult> PauseAsync(string number, string? reason, DateOnly? until, CancellationToken cancellationToken)
    {
        var debtor = await debtors.FindAsync(DebtorId, cancellationToken);
        var end = until is { } day ? Core.Cases.AgreementDesk.StartOf(day, debtor?.TimeZoneInfo ?? TimeZoneInfo.Utc) : (DateTimeOffset?)null;
        return await actions.PauseAsync(Actor, number, reason, end, cancellationToken);
    }

    private async Task<IActionResult> RunAsync(Task<StaffResult> action, CancellationToken cancellationToken) =>
        await OutcomeAsync(await action, async () =>
        {
            ViewData["Live"] = true;
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        });

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Debtor = await debtors.FindAsync(DebtorId, cancellationToken);
        if (Debtor is null)
            return false;
        Statement = await statements.ForDebtorAsync(Debtor, cancellationToken);
        Agreements = [.. (await agreements.ListByDebtorAsync(DebtorId, cancellationToken)).OrderByDescending(a => a.CreatedAt)];
        Escalations = [.. (await escalations.ListByDebtorAsync(DebtorId, cancellationToken)).OrderByDescending(e => e.RaisedAt)];
        Conversations = await conversations.ListByDebtorAsync(DebtorId, cancellationToken);
        History = [.. ((await cases.FindAsync(DebtorId, cancellationToken))?.History ?? []).OrderByDescending(a => a.At)];
        if (IsOwner)
            Audit = await audit.ListAsync(DebtorId, 50, cancellationToken);
        LoadAccess();
        return true;
    }
}
