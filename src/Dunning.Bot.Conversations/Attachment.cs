using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dunning.Bot.Conversations;

/// <summary>A media file or card attached to an activity.</summary>
public sealed class Attachment
{
    /// <summary>MIME type or card type, e.g. <c>application/vnd.microsoft.card.adaptive</c>.</summary>
    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    /// <summary>The card or inline content, kept as raw JSON.</summary>
    public JsonElement? Content { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
