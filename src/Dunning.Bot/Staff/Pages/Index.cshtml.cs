using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Staff.Pages;

/// <summary>The inbox: open escalations by priority and time left, handed-off conversations, deals to decide.</summary>
public sealed class InboxModel(
    IEscalationStore escalations, IConversationStore conversations, IAgreementStore agreements, IDebtorStore debtors, TimeProvider clock) : ConsolePage
{
    private Dictionary<string, string> names = new(StringComparer.Ordinal);

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<Escalation> Escalations { get; private set; } = [];

    public IReadOnlyList<ConversationLink> HandedOff { get; private set; } = [];

    public IReadOnlyList<PaymentAgreement> Proposals { get; private set; } = [];

    public string NameOf(string debtorId) => names.GetValueOrDefault(debtorId, debtorId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
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
