using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

public sealed class InMemoryEscalationStore : IEscalationStore
{
    private readonly Dictionary<string, Escalation> escalations = new(StringComparer.Ordinal);

    public IReadOnlyList<Escalation> All => [.. escalations.Values];

    public Task<Escalation?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(escalations.GetValueOrDefault(id));

    public Task<IReadOnlyList<Escalation>> ListOpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Escalation>>([.. escalations.Values.Where(e => e.State != EscalationState.Resolved)]);

    public Task<IReadOnlyList<Escalation>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Escalation>>([.. escalations.Values.Where(e => e.DebtorId == debtorId)]);

    public Task SaveAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        escalation.Version++;
        escalations[escalation.Id] = escalation;
        return Task.CompletedTask;
    }
}
