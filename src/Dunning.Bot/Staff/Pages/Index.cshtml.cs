using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Actions;
using Microsoft.AspNetCore.Mvc;

namespace Dunning.Bot.Staff.Pages;

/// <summary>
/// The inbox: open escalations by priority and time left, handed-off conversations, and the approval queue — each
/// request with its terms (kind, amount, every date) and one-click Approve / Reject for the owner (the debtor is told).
/// </summary>
public sealed class InboxModel(
    IEscalationStore escalations, IConversationStore conversations, IAgreementStore agreements, IDebtorStore debtors, DealActions deals,
    TimeProvider clock) : ConsolePage
{
    private Dictionary<string, string> names = new(StringComparer.Ordinal);

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<Escalation> Escalations { get; private set; } = [];

    public IReadOnlyList<ConversationLink> HandedOff { get; private set; } = [];

    public IReadOnlyList<PaymentAgreement> Proposals { get; private set; } = [];

    public bool IsOwner => User.IsInRole(StaffRoles.Owner);

    public string NameOf(string debtorId) => names.GetValueOrDefault(debtorId, debtorId);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(string agreementId, CancellationToken cancellationToken) =>
        await OutcomeAsync(await deals.ApproveAsync(Actor, agreementId, cancellationToken), ReloadAsync(cancellationToken));

    public async Task<IActionResult> OnPostRejectAsync(string agreementId, string? reason, CancellationToken cancellationToken) =>
        await OutcomeAsync(await deals.RejectAsync(Actor, agreementId, reason, cancellationToken), ReloadAsync(cancellationToken));

    private Func<Task<IActionResult>> ReloadAsync(CancellationToken cancellationToken) => async () =>
    {
        await LoadAsync(cancellationToken);
        return Page();
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Escalations = [.. (await escalations.ListOpenAsync(cancellationToken))
            .OrderByDescending(e => e.Priority).ThenBy(e => e.RespondBy ?? DateTimeOffset.MaxValue).ThenBy(e => e.RaisedAt)];
        HandedOff = [.. (await conversations.ListHandedOffAsync(cancellationToken)).OrderByDescending(l => l.LastInboundAt)];
        Proposals = [.. (await agreements.ListByStateAsync(AgreementState.AwaitingApproval, cancellationToken)).OrderBy(a => a.CreatedAt)];
        var ids = Escalations.Select(e => e.DebtorId).Concat(HandedOff.Select(l => l.DebtorId).OfType<string>()).Concat(Proposals.Select(a => a.DebtorId))
            .ToHashSet(StringComparer.Ordinal);
        names = (await debtors.FindManyAsync(ids, cancellationToken)).ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal);
    }
}
