using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>
/// Documents of one kind in memory, with the contract of the LiteDB stores (src/Dunning.Bot/Storage/LiteStore.cs and
/// VersionedWrites.cs): Version 0 inserts, and an id that already exists is a <see cref="ConcurrencyConflictException"/>;
/// otherwise the stored version must equal the given one (else <see cref="ConcurrencyConflictException"/> and nothing is
/// written). On success the stored document and the caller's entity both have the next version. Documents are stored
/// and handed out as copies, as a database does: changing an entity that was read changes nothing until it is saved.
/// Ids compare ordinally; lists come in id order (LiteDB's <c>_id</c> order).
/// </summary>
public abstract class VersionedMemoryStore<T>
    where T : class
{
    private readonly SortedDictionary<string, T> documents = new(StringComparer.Ordinal);

    /// <summary>Every stored document (copies), in id order.</summary>
    public IReadOnlyList<T> All
    {
        get
        {
            lock (Gate)
                return [.. documents.Values.Select(Copy)];
        }
    }

    /// <summary>
    /// Runs once, just before the next save of a document that already exists, as another writer's versioned write
    /// (the console, a second turn) that lands while the caller holds its copy: that save then meets a newer version.
    /// </summary>
    public Action<T>? BeforeNextSave { get; set; }

    internal Lock Gate { get; } = new();

    /// <summary>Changes the stored document as another writer would (a versioned write of its own).</summary>
    public void Change(string id, Action<T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (Gate)
            ChangeStored(id, change);
    }

    public Task<IReadOnlyList<T>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        lock (Gate)
            return Task.FromResult<IReadOnlyList<T>>([.. ids.Distinct(StringComparer.Ordinal).Select(Stored).OfType<T>().Select(Copy)]);
    }

    public Task SaveAsync(T entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        cancellationToken.ThrowIfCancellationRequested();
        lock (Gate)
        {
            if (BeforeNextSave is { } meanwhile && documents.ContainsKey(IdOf(entity)))
            {
                BeforeNextSave = null;
                ChangeStored(IdOf(entity), meanwhile);
            }
            EnsureWritable(entity);
            Write(entity);
        }
        return Task.CompletedTask;
    }

    protected abstract string IdOf(T entity);

    protected abstract int VersionOf(T entity);

    protected abstract void SetVersion(T entity, int version);

    /// <summary>A deep copy: nothing mutable may be shared between the stored document and the caller's entity.</summary>
    protected abstract T Copy(T entity);

    protected Task<T?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (Gate)
            return Task.FromResult(Stored(id) is { } stored ? Copy(stored) : null);
    }

    protected Task<IReadOnlyList<T>> WhereAsync(Func<T, bool> predicate, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (Gate)
            return Task.FromResult<IReadOnlyList<T>>([.. documents.Values.Where(predicate).Select(Copy)]);
    }

    /// <summary>Throws <see cref="ConcurrencyConflictException"/> when saving <paramref name="entity"/> would not be allowed. Call under <see cref="Gate"/>.</summary>
    internal void EnsureWritable(T entity)
    {
        var id = IdOf(entity);
        var expected = VersionOf(entity);
        var stored = Stored(id);
        if (expected == 0 && stored is not null)
            throw Conflict(id, "it already exists");
        if (expected != 0 && (stored is null || VersionOf(stored) != expected))
            throw Conflict(id, $"expected version {expected}, found {(stored is null ? "none" : VersionOf(stored))}");
    }

    /// <summary>Stores a copy at the next version and moves the caller's entity on too. Call under <see cref="Gate"/> after <see cref="EnsureWritable"/>.</summary>
    internal void Write(T entity)
    {
        var copy = Copy(entity);
        SetVersion(copy, VersionOf(entity) + 1);
        documents[IdOf(entity)] = copy;
        SetVersion(entity, VersionOf(entity) + 1);
    }

    private T? Stored(string id) => documents.GetValueOrDefault(id);

    private void ChangeStored(string id, Action<T> change)
    {
        var stored = Stored(id) ?? throw new KeyNotFoundException($"{typeof(T).Name} '{id}' is not stored.");
        var theirs = Copy(stored);
        change(theirs);
        SetVersion(theirs, VersionOf(stored) + 1);
        documents[id] = theirs;
    }

    private static ConcurrencyConflictException Conflict(string id, string detail) =>
        new($"{typeof(T).Name} '{id}' was changed or created by someone else ({detail}); nothing was written.");
}
