namespace Dunning.Bot.Conversations.State;

/// <summary>State per user of a channel, key <c>{channelId}/users/{userId}</c> (the sender, <c>from.id</c>).</summary>
public class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    /// <summary>The storage key for a user.</summary>
    public static string KeyFor(string channelId, string userId) => $"{channelId}/users/{userId}";

    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var channelId = turnContext.Activity.ChannelId;
        var userId = turnContext.Activity.From?.Id;
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(userId))
            throw new InvalidOperationException("User state needs activity.channelId and activity.from.id.");
        return KeyFor(channelId, userId);
    }
}
