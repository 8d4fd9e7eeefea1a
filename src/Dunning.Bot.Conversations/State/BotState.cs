namespace Dunning.Bot.Conversations.State;

/// <summary>
/// A JSON document of named properties kept in an <see cref="IStorage"/> under a key derived from the
/// turn. Loaded once per turn (on first access), cached in <see cref="ITurnContext.TurnState"/>, written
/// back by <see cref="SaveChangesAsync"/> only when it changed, with the eTag it was read with — so a
/// concurrent write elsewhere makes the save throw <see cref="StorageConflictException"/> instead of
/// losing an update.
/// </summary>
public abstract class BotState
{
    private readonly string _contextServiceKey;

    protected BotState(IStorage storage, string contextServiceKey)
    {
        Storage = storage ?? throw new ArgumentNullException(nameof(storage));
        ArgumentException.ThrowIfNullOrEmpty(contextServiceKey);
        _contextServiceKey = contextServiceKey;
    }

    protected IStorage Storage { get; }

    /// <summary>A typed accessor for the property <paramref name="name"/>.</summary>
    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new StatePropertyAccessor<T>(this, name);
    }

    /// <summary>Reads the state for this turn unless already cached (or always, with <paramref name="force"/>).</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (force || !turnContext.TurnState.ContainsKey(_contextServiceKey))
            turnContext.TurnState[_contextServiceKey] = await ReadAsync(turnContext, cancellationToken);
    }

    /// <summary>
    /// Writes the cached state if it changed. Without <paramref name="force"/> the write is conditional on
    /// the eTag read this turn (or on the key not existing yet); with it, unconditional.
    /// </summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<CachedBotState>(_contextServiceKey) is not { } cache)
            return;
        var json = cache.SerializeIfChanged();
        if (json is null && !force)
            return;
        var document = json ?? cache.Original;
        var key = GetStorageKey(turnContext);
        var eTag = force ? StoreItem.AnyETag : cache.ETag;
        var written = await Storage.WriteAsync(
            new Dictionary<string, StoreItem>(1, StringComparer.Ordinal) { [key] = new StoreItem(document, eTag) },
            cancellationToken);
        cache.Saved(document, written[key]);
    }

    /// <summary>Empties the cached state; the next save writes an empty document.</summary>
    public async Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var cache = await LoadCacheAsync(turnContext, cancellationToken);
        cache.Clear();
    }

    /// <summary>Deletes the state from storage and the cache, unconditionally.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(_contextServiceKey);
        await Storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken);
    }

    /// <summary>The storage key of this state for the turn; throws <see cref="InvalidOperationException"/> when the activity lacks the ids it needs.</summary>
    protected abstract string GetStorageKey(ITurnContext turnContext);

    internal async ValueTask<CachedBotState> LoadCacheAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<CachedBotState>(_contextServiceKey) is { } cache)
            return cache;
        cache = await ReadAsync(turnContext, cancellationToken);
        turnContext.TurnState[_contextServiceKey] = cache;
        return cache;
    }

    private async Task<CachedBotState> ReadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var key = GetStorageKey(turnContext);
        var items = await Storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var item)
            ? new CachedBotState(item.Utf8Json, item.ETag)
            : new CachedBotState(ReadOnlyMemory<byte>.Empty, null);
    }
}
