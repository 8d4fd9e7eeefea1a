using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>Dunning cases in memory (<see cref="VersionedMemoryStore{T}"/>), keyed by debtor id.</summary>
public sealed class InMemoryCaseStore : VersionedMemoryStore<DunningCase>, ICaseStore
{
    public Task<DunningCase?> FindAsync(string debtorId, CancellationToken cancellationToken) => FindByIdAsync(debtorId, cancellationToken);

    /// <summary>As LiteDB's range query from 0 to <paramref name="now"/>: a case without a next action is never due.</summary>
    public async Task<IReadOnlyList<DunningCase>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var due = await WhereAsync(c => c.NextActionAt is { } next && next <= now, cancellationToken);
        return [.. due.OrderBy(c => c.NextActionAt).Take(limit)];
    }

    public async Task<IReadOnlyList<DunningCase>> ListDueByDebtorAsync(DateTimeOffset now, string? afterDebtorId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var due = await WhereAsync(c => c.NextActionAt is { } next && next <= now
            && (afterDebtorId is null || string.CompareOrdinal(c.DebtorId, afterDebtorId) > 0), cancellationToken);
        return [.. due.OrderBy(c => c.DebtorId, StringComparer.Ordinal).Take(limit)];
    }

    public async Task<int> CountAsync(DateTimeOffset? dueAt, int cap, CancellationToken cancellationToken) =>
        Math.Min(cap, (await WhereAsync(c => dueAt is null || (c.NextActionAt is { } next && next <= dueAt), cancellationToken)).Count);

    public Task<IReadOnlyList<DunningCase>> ListAsync(CancellationToken cancellationToken) => WhereAsync(_ => true, cancellationToken);

    protected override string IdOf(DunningCase entity) => entity.DebtorId;

    protected override int VersionOf(DunningCase entity) => entity.Version;

    protected override void SetVersion(DunningCase entity, int version) => entity.Version = version;

    protected override DunningCase Copy(DunningCase entity) => new()
    {
        DebtorId = entity.DebtorId,
        Stages = new Dictionary<string, int>(entity.Stages, StringComparer.Ordinal),
        NextActionAt = entity.NextActionAt,
        LastContactAt = entity.LastContactAt,
        History = [.. entity.History.Select(a => a with { InvoiceNumbers = a.InvoiceNumbers is { } numbers ? [.. numbers] : null })],
        Version = entity.Version,
    };
}
