using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dunning.Bot.Conversations;

/// <summary>Buttons offered with a message that disappear once one is used (quick replies).</summary>
public sealed class SuggestedActions
{
    /// <summary>Ids of the recipients the actions are shown to; empty or null means everyone.</summary>
    public List<string>? To { get; set; }

    public List<CardAction> Actions { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
