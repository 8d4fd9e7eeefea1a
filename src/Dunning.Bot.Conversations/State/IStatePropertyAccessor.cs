namespace Dunning.Bot.Conversations.State;

/// <summary>
/// Typed access to one named property of a <see cref="BotState"/> within a turn. Values live in the turn's
/// cache until <see cref="BotState.SaveChangesAsync"/> writes them; the first access loads the state.
/// </summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>The value, or default when the property is not set.</summary>
    Task<T?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken);

    /// <summary>The value; when not set, creates it with <paramref name="defaultValueFactory"/> and sets it.</summary>
    Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
