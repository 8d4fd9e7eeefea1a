using System.Collections.Concurrent;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>
/// In-memory documents for the negotiation transcripts, with the ports' versioned-save contract: insert at version 0,
/// update only at the stored version (else <see cref="ConcurrencyConflictException"/>), version incremented on success.
/// Keeps the saved instances themselves (no copies): enough for dialog tests, not a storage test.
/// </summary>
public abstract class FakeVersionedStore<T>(Func<T, string> key, Func<T, int> version, Action<T, int> setVersion)
    where T : class
{
    private readonly ConcurrentDictionary<string, (T Item, int Version)> documents = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public IReadOnlyList<T> All => [.. documents.Values.Select(d => d.Item)];

    protected T? Get(string id) => documents.TryGetValue(id, out var stored) ? stored.Item : null;

    public Task<IReadOnlyList<T>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<T>>([.. ids.Distinct(StringComparer.Ordinal).Select(Get).OfType<T>()]);

    public Task SaveAsync(T item, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var id = key(item);
            var expected = documents.TryGetValue(id, out var stored) ? stored.Version : 0;
            if (version(item) != expected)
                throw new ConcurrencyConflictException($"{typeof(T).Name} {id}: version {version(item)} is stale (stored {expected}).");
            setVersion(item, expected + 1);
            documents[id] = (item, expected + 1);
        }
        return Task.CompletedTask;
    }
}
