using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dunning.Bot.Conversations;

/// <summary>
/// Everything needed to address a conversation later (proactive messages). Store it as JSON with
/// <see cref="ActivityJson"/> and hand it to <see cref="BotAdapter.ContinueConversationAsync"/>.
/// </summary>
public sealed class ConversationReference
{
    /// <summary>The id of the activity this reference was taken from, if any.</summary>
    public string? ActivityId { get; set; }

    /// <summary>The user (the sender of the incoming activity).</summary>
    public ChannelAccount? User { get; set; }

    /// <summary>The bot (the recipient of the incoming activity).</summary>
    public ChannelAccount? Bot { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? ChannelId { get; set; }

    public string? Locale { get; set; }

    public string? ServiceUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
