using System.Globalization;

namespace Dunning.Bot.Conversations.State;

/// <summary>
/// An in-process <see cref="IStorage"/> for tests, benchmarks and single-run tools. Stores copies of the
/// JSON bytes, exactly like a database would, so no object is ever shared between turns.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, (byte[] Json, string ETag)> _items = new(StringComparer.Ordinal);
    private long _nextETag;

    /// <summary>Number of stored keys.</summary>
    public int Count
    {
        get
        {
            lock (_items)
                return _items.Count;
        }
    }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        lock (_items)
        {
            foreach (var key in keys)
            {
                ValidateKey(key);
                if (_items.TryGetValue(key, out var item))
                    result[key] = new StoreItem(item.Json.AsSpan().ToArray(), item.ETag);
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        var written = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        lock (_items)
        {
            foreach (var (key, change) in changes)
            {
                ValidateKey(key);
                ArgumentNullException.ThrowIfNull(change);
                var exists = _items.TryGetValue(key, out var current);
                var ok = change.ETag switch
                {
                    null => !exists,
                    StoreItem.AnyETag => true,
                    _ => exists && string.Equals(current.ETag, change.ETag, StringComparison.Ordinal),
                };
                if (!ok)
                    throw new StorageConflictException(key, change.ETag, exists ? current.ETag : null);
            }

            foreach (var (key, change) in changes)
            {
                var eTag = (++_nextETag).ToString(CultureInfo.InvariantCulture);
                _items[key] = (change.Utf8Json.ToArray(), eTag);
                written[key] = eTag;
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>>(written);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_items)
        {
            foreach (var key in keys)
            {
                ValidateKey(key);
                _items.Remove(key);
            }
        }
        return Task.CompletedTask;
    }

    private static void ValidateKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > IStorage.MaxKeyLength)
            throw new ArgumentException($"Storage keys are at most {IStorage.MaxKeyLength} characters.", nameof(key));
    }
}
