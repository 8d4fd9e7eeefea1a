namespace Dunning.Bot.Core.Messages;

/// <summary>
/// A stable seed for picking a message variant, so a conversation hears the same wording when a turn is
/// replayed (tests, retries) but different wording from turn to turn. Stable across processes, unlike
/// <see cref="string.GetHashCode()"/>.
/// </summary>
public static class VariantSeed
{
    /// <summary>FNV-1a over the conversation id, mixed with the turn number.</summary>
    public static int For(string conversationId, int turn)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in conversationId)
                hash = (hash ^ c) * 16777619u;
            hash = (hash ^ (uint)turn) * 16777619u;
            return (int)(hash & int.MaxValue);
        }
    }
}
