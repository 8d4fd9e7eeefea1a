using System.Collections.Concurrent;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>An <see cref="ICaseStore"/> in a dictionary, with the port's version check on save.</summary>
internal sealed class InMemoryCaseStore : ICaseStore
{
    private readonly ConcurrentDictionary<string, DunningCase> cases = new(StringComparer.Ordinal);

    public InMemoryCaseStore Add(DunningCase dunningCase)
    {
        cases[dunningCase.DebtorId] = dunningCase;
        return this;
    }

    public Task<DunningCase?> FindAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult(cases.GetValueOrDefault(debtorId));

    public Task<IReadOnlyList<DunningCase>> FindManyAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DunningCase>>([.. debtorIds.Select(id => cases.GetValueOrDefault(id)).OfType<DunningCase>()]);

    public Task<IReadOnlyList<DunningCase>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DunningCase>>([.. cases.Values.Where(c => c.NextActionAt <= now).OrderBy(c => c.NextActionAt).Take(limit)]);

    public Task<IReadOnlyList<DunningCase>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DunningCase>>([.. cases.Values]);

    public Task SaveAsync(DunningCase dunningCase, CancellationToken cancellationToken)
    {
        lock (cases)
        {
            if (cases.TryGetValue(dunningCase.DebtorId, out var stored) && stored.Version != dunningCase.Version)
                throw new ConcurrencyConflictException($"Case {dunningCase.DebtorId} changed (version {stored.Version}, given {dunningCase.Version}).");
            dunningCase.Version++;
            cases[dunningCase.DebtorId] = dunningCase;
        }
        return Task.CompletedTask;
    }
}
