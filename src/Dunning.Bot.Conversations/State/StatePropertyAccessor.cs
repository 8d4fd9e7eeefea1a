namespace Dunning.Bot.Conversations.State;

internal sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var cache = await state.LoadCacheAsync(turnContext, cancellationToken);
        return cache.TryGet<T>(Name, out var value) ? value : default;
    }

    public async Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(defaultValueFactory);
        var cache = await state.LoadCacheAsync(turnContext, cancellationToken);
        if (cache.TryGet<T>(Name, out var value) && value is not null)
            return value;
        var created = defaultValueFactory();
        cache.Set(Name, created);
        return created;
    }

    public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken)
    {
        var cache = await state.LoadCacheAsync(turnContext, cancellationToken);
        cache.Set(Name, value);
    }

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var cache = await state.LoadCacheAsync(turnContext, cancellationToken);
        cache.Remove(Name);
    }
}
