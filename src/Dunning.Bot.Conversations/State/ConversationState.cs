namespace Dunning.Bot.Conversations.State;

/// <summary>State per conversation, key <c>{channelId}/conversations/{conversationId}</c>; holds the dialog stack.</summary>
public class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    /// <summary>The storage key for a conversation.</summary>
    public static string KeyFor(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";

    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var channelId = turnContext.Activity.ChannelId;
        var conversationId = turnContext.Activity.Conversation?.Id;
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(conversationId))
            throw new InvalidOperationException("Conversation state needs activity.channelId and activity.conversation.id.");
        return KeyFor(channelId, conversationId);
    }
}
