using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dunning.Bot.Conversations;

/// <summary>A clickable action (button); <c>imBack</c> sends its value back as the user's text.</summary>
public sealed class CardAction
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";

    /// <summary>The action type, e.g. <see cref="ImBack"/> or <see cref="OpenUrl"/>.</summary>
    public string Type { get; set; } = ImBack;

    public string? Title { get; set; }

    public string? Image { get; set; }

    public string? Text { get; set; }

    public string? DisplayText { get; set; }

    /// <summary>What the action sends or opens, kept as raw JSON (usually a string).</summary>
    public JsonElement? Value { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
