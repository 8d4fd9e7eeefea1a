namespace Dunning.Bot.Conversations;

/// <summary>Per-turn scratch space shared by middleware, state and dialogs; discarded after the turn.</summary>
public sealed class TurnContextStateCollection : Dictionary<string, object>
{
    public TurnContextStateCollection()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>The value under <paramref name="key"/> if it is a <typeparamref name="T"/>, else default.</summary>
    public T? Get<T>(string key) => TryGetValue(key, out var value) && value is T typed ? typed : default;

    /// <summary>Sets (or, for null, removes) the value under <paramref name="key"/>.</summary>
    public void Set<T>(string key, T? value)
    {
        if (value is null)
            Remove(key);
        else
            this[key] = value;
    }
}
