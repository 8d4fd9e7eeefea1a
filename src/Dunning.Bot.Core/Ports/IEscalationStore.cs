using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>Escalations, open ones by priority. Versioned saves as in <see cref="IDebtorStore"/>.</summary>
public interface IEscalationStore
{
    Task<Escalation?> FindAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Escalation>> ListOpenAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Escalation>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken);

    Task SaveAsync(Escalation escalation, CancellationToken cancellationToken);
}
