using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dunning.Bot.Conversations;

/// <summary>
/// Metadata attached to an activity (<c>mention</c>, <c>clientInfo</c>, <c>streaminfo</c>, …).
/// Only <see cref="Type"/> is modelled; all other fields stay in <see cref="AdditionalProperties"/>.
/// </summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
