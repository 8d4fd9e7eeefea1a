using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Chat;

/// <summary>The address recorded in <see cref="ContactAddress.Address"/> for the channel an activity came from.</summary>
public static class ChannelAddress
{
    /// <summary>Teams: the user's id (a personal chat is found by it); Telegram and web chat: the conversation (chat) id.</summary>
    public static string Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelId == ChannelKind.Teams && activity.From?.Id is { Length: > 0 } userId
            ? userId
            : activity.Conversation?.Id ?? string.Empty;
    }

    /// <summary>True for group chats and channels, where the bot never talks about invoices.</summary>
    public static bool IsGroup(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.IsGroup == true
            || activity.Conversation?.ConversationType is "group" or "channel" or "supergroup";
    }
}
