using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// POST /telegram/webhook: checks the secret Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c> (missing → 401,
/// wrong → 403, nothing read), stores the update in the inbox and answers 200 at once; the
/// <see cref="TelegramUpdateProcessor"/> handles it, as it does polled updates.
/// </summary>
internal static class TelegramWebhook
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Updates are a few kilobytes; anything far larger is not from Telegram.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    public static async Task<IResult> ReceiveAsync(HttpRequest request, TelegramInbox inbox, IOptions<TelegramOptions> options,
        ILogger<TelegramInbox> logger, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValue(SecretHeader, out var presented) || presented.Count != 1 || string.IsNullOrEmpty(presented[0]))
            return Results.Unauthorized();
        if (!SecretMatches(presented[0]!, options.Value.SecretToken))
        {
            logger.LogWarning("Refused a Telegram webhook call with a wrong secret from {Remote}", request.HttpContext.Connection.RemoteIpAddress);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (request.ContentLength > MaxBodyBytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (await LimitedBody.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } bytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        // Telegram sends UTF-8; anything else is not an update (an empty text fails the update check: 400).
        var body = System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : string.Empty;
        if (!TryReadUpdateId(body, out var updateId))
            return Results.BadRequest();
        if (!await inbox.AcceptPostedAsync(updateId, body, cancellationToken))
            logger.LogInformation("Dropped Telegram update {UpdateId}: already received", updateId);
        return Results.Ok();
    }

    /// <summary>Constant-time comparison of SHA-256 digests, so neither the content nor the length of the secret leaks through timing.</summary>
    internal static bool SecretMatches(string presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
            return false;
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }


    private static bool TryReadUpdateId(string body, out long updateId)
    {
        updateId = 0;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("update_id", out var id)
                && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out updateId);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
