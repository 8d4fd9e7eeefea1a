using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// The Direct Line echo of a <c>webchat/join</c> event as it is stored and shown: the link token replaced by
/// <c>***</c>. The bot's turn still gets the original; the activity log, which anyone with the conversation's token may
/// read for as long as it is kept, never holds the proof that binds a chat to a debtor.
/// </summary>
internal static class JoinEcho
{
    private const string LinkTokenProperty = "linkToken";

    /// <summary><paramref name="activity"/> itself when it carries no link token, otherwise a redacted copy.</summary>
    public static Activity Redacted(Activity activity)
    {
        if (activity is not { Type: ActivityTypes.Event, Name: ConversationLinker.JoinEventName, Value: { ValueKind: JsonValueKind.Object } value }
            || !value.TryGetProperty(LinkTokenProperty, out _))
            return activity;
        var redacted = JsonNode.Parse(value.GetRawText())!.AsObject();
        redacted[LinkTokenProperty] = "***";
        var copy = activity.Clone();
        copy.Value = JsonSerializer.SerializeToElement(redacted);
        return copy;
    }
}
