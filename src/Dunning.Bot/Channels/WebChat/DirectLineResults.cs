using System.Globalization;
using System.Text.Json.Serialization;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>The Direct Line <c>Conversation</c> object returned by start, reconnect and refresh (refresh has no stream URL).</summary>
public sealed record DirectLineConversation(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn)
{
    /// <summary>The pre-authorized WebSocket URL of the conversation's activity stream.</summary>
    [JsonPropertyName("streamUrl")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StreamUrl { get; init; }
}

/// <summary>The Direct Line <c>ResourceResponse</c> to a posted activity.</summary>
public sealed record DirectLineResource([property: JsonPropertyName("id")] string Id);

/// <summary>problem+json answers of the Direct Line endpoints.</summary>
internal static class DirectLineResults
{
    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Invalid or expired token", detail);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Token not valid for this conversation", detail);

    /// <summary>
    /// 403 for a token that was valid and has expired, with Direct Line's <c>ErrorResponse</c>
    /// (<c>{"error":{"code":"TokenExpired",…}}</c>) inside the problem, so Microsoft's clients report an expired token.
    /// </summary>
    public static IResult TokenExpired(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Token expired", detail: detail,
            extensions: new Dictionary<string, object?> { ["error"] = new DirectLineError("TokenExpired", detail) });

    public static IResult OriginNotAllowed(string detail) => Problem(StatusCodes.Status403Forbidden, "Origin not allowed", detail);

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Conversation not found", detail);

    public static IResult BadRequest(string title, string detail) => Problem(StatusCodes.Status400BadRequest, title, detail);

    public static IResult TooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", detail);

    /// <summary>429 with a Retry-After header in whole seconds (at least 1).</summary>
    public static IResult TooManyRequests(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status429TooManyRequests, "Too many requests", $"Try again in {seconds} s.");
    }

    /// <summary>503 with Retry-After: 1 — the conversation is busy with another turn for too long (several hosts); nothing was written.</summary>
    public static IResult Busy(HttpContext http, string detail)
    {
        http.Response.Headers.RetryAfter = "1";
        return Problem(StatusCodes.Status503ServiceUnavailable, "Conversation busy", detail);
    }

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
