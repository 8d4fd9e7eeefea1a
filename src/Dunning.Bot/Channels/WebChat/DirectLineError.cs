using System.Text.Json.Serialization;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>The <c>error</c> of a Direct Line <c>ErrorResponse</c>: a code clients act on (<c>TokenExpired</c>) and a message.</summary>
public sealed record DirectLineError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
