namespace Dunning.Bot.Conversations;

/// <summary>Bot Framework's activity helpers: replies and conversation references.</summary>
public static class ActivityExtensions
{
    /// <summary>
    /// A message reply to <paramref name="activity"/>: from/recipient swapped, same conversation, channel,
    /// service URL and locale, <c>replyToId</c> set to the incoming id. The incoming activity is not changed.
    /// </summary>
    public static Activity CreateReply(this Activity activity, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            From = Copy(activity.Recipient),
            Recipient = Copy(activity.From),
            Conversation = activity.Conversation,
            ChannelId = activity.ChannelId,
            ServiceUrl = activity.ServiceUrl,
            ReplyToId = activity.Id,
            Locale = activity.Locale,
            TextFormat = "plain",
        };
    }

    /// <summary>The reference to the conversation <paramref name="activity"/> (an incoming one) belongs to.</summary>
    public static ConversationReference GetConversationReference(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationReference
        {
            ActivityId = activity.Type == ActivityTypes.ConversationUpdate ? null : activity.Id,
            User = activity.From,
            Bot = activity.Recipient,
            Conversation = activity.Conversation,
            ChannelId = activity.ChannelId,
            Locale = activity.Locale,
            ServiceUrl = activity.ServiceUrl,
        };
    }

    /// <summary>
    /// Addresses <paramref name="activity"/> to the conversation of <paramref name="reference"/>.
    /// Outgoing (<paramref name="isIncoming"/> false): from = bot, recipient = user, <c>replyToId</c> =
    /// reference's activity id. Incoming: from = user, recipient = bot, <c>id</c> = reference's activity id.
    /// Channel, service URL and conversation are always set; the locale only if the activity has none.
    /// </summary>
    public static Activity ApplyConversationReference(this Activity activity, ConversationReference reference, bool isIncoming = false)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(reference);
        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = reference.Conversation;
        activity.Locale ??= reference.Locale;
        if (isIncoming)
        {
            activity.From = reference.User;
            activity.Recipient = reference.Bot;
            if (reference.ActivityId is not null)
                activity.Id = reference.ActivityId;
        }
        else
        {
            activity.From = reference.Bot;
            activity.Recipient = reference.User;
            if (reference.ActivityId is not null && activity.ReplyToId is null)
                activity.ReplyToId = reference.ActivityId;
        }
        return activity;
    }

    private static ChannelAccount? Copy(ChannelAccount? account) => account is null ? null : new ChannelAccount
    {
        Id = account.Id,
        Name = account.Name,
        AadObjectId = account.AadObjectId,
        Role = account.Role,
    };
}
