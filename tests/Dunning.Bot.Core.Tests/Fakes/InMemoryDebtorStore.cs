using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>Debtors in memory with the port's version contract (insert at 0, else the stored version must match).</summary>
public sealed class InMemoryDebtorStore : IDebtorStore
{
    private readonly Dictionary<string, Debtor> debtors = new(StringComparer.Ordinal);

    public int Saves { get; private set; }

    public Task<Debtor?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(debtors.GetValueOrDefault(id));

    public Task<IReadOnlyList<Debtor>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Debtor>>([.. ids.Distinct().Select(id => debtors.GetValueOrDefault(id)).OfType<Debtor>()]);

    public Task<IReadOnlySet<string>> AccessCodesInUseAsync(IReadOnlyCollection<string> accessCodes, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(debtors.Values.Select(d => d.AccessCode).Where(accessCodes.Contains).ToHashSet(StringComparer.Ordinal));

    public Task<Debtor?> FindByAccessCodeAsync(string accessCode, CancellationToken cancellationToken) =>
        Task.FromResult(debtors.Values.FirstOrDefault(d => d.AccessCode == accessCode));

    public Task<Debtor?> FindByLinkTokenAsync(string linkToken, CancellationToken cancellationToken) =>
        Task.FromResult(debtors.Values.FirstOrDefault(d => d.LinkToken == linkToken));

    public Task<IReadOnlyList<Debtor>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Debtor>>([.. debtors.Values]);

    public Task SaveAsync(Debtor debtor, CancellationToken cancellationToken)
    {
        lock (debtors)
        {
            if (debtors.TryGetValue(debtor.Id, out var stored) ? !ReferenceEquals(stored, debtor) && stored.Version != debtor.Version : debtor.Version != 0)
                throw new ConcurrencyConflictException($"debtor {debtor.Id}");
            debtor.Version++;
            debtors[debtor.Id] = debtor;
            Saves++;
        }
        return Task.CompletedTask;
    }
}
