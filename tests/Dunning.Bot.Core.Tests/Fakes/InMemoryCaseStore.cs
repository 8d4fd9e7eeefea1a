using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

public sealed class InMemoryCaseStore : ICaseStore
{
    private readonly Dictionary<string, DunningCase> cases = new(StringComparer.Ordinal);

    public Task<DunningCase?> FindAsync(string debtorId, CancellationToken cancellationToken) => Task.FromResult(cases.GetValueOrDefault(debtorId));

    public Task<IReadOnlyList<DunningCase>> FindManyAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DunningCase>>([.. debtorIds.Distinct().Select(id => cases.GetValueOrDefault(id)).OfType<DunningCase>()]);

    public Task<IReadOnlyList<DunningCase>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DunningCase>>([.. cases.Values.Where(c => c.NextActionAt <= now).OrderBy(c => c.NextActionAt).Take(limit)]);

    public Task<IReadOnlyList<DunningCase>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DunningCase>>([.. cases.Values]);

    public Task SaveAsync(DunningCase dunningCase, CancellationToken cancellationToken)
    {
        dunningCase.Version++;
        cases[dunningCase.DebtorId] = dunningCase;
        return Task.CompletedTask;
    }

    /// <summary>The kinds of the debtor's case actions, in order.</summary>
    public IReadOnlyList<string> KindsOf(string debtorId) => cases.TryGetValue(debtorId, out var c) ? [.. c.History.Select(a => a.Kind)] : [];
}
