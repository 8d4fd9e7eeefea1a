using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Hosting;
using Dunning.Bot.Uploads;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// <c>POST /v3/directline/conversations/{id}/upload?userId=…</c>, as in Direct Line 3.0: a <c>multipart/form-data</c> body
/// whose file parts are the files and whose optional part named <c>activity</c> (type <c>application/vnd.microsoft.activity</c>)
/// is the message they come with. The files are held in memory for the turn only (see <see cref="IncomingFiles"/>); the
/// bot decides what it keeps (by content, see <see cref="PaymentProofs"/>) and answers refusals in the chat. Here only
/// the shape is checked: 400 for a body that is no well-formed multipart or has no file, 403 for another conversation
/// or user, 413 beyond the size the <c>Uploads</c> limits allow.
/// </summary>
internal static partial class DirectLineApi
{
    private const int MaxPartHeaderBytes = 16 * 1024;

    internal static async Task<IResult> UploadAsync(string conversationId, string? userId, HttpContext http, DirectLineTokens tokens,
        WebChatAdapter adapter, IWebChatStore store, WebChatRateLimits limits, IOptions<WebChatOptions> options, IOptions<UploadOptions> uploads,
        IOptions<BotOptions> bot, TimeProvider clock, CancellationToken ct)
    {
        var (grant, denied) = await GrantAsync(http, conversationId, tokens, null, ct);
        if (grant is null)
            return denied!;
        if (userId is not null && !string.Equals(userId, grant.UserId, StringComparison.Ordinal))
            return DirectLineResults.Forbidden("The userId is not the user of this token.");
        if (!await store.ExistsAsync(conversationId, ct))
            return DirectLineResults.NotFound("The token's conversation does not exist.");
        if (limits.Post(conversationId) is { } wait)
            return DirectLineResults.TooManyRequests(http, wait);

        var u = uploads.Value;
        var maxBody = (u.MaxFilesPerMessage + 1) * (u.MaxFileBytes + MaxPartHeaderBytes) + options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > maxBody)
            return DirectLineResults.TooLarge($"An upload may have at most {u.MaxFilesPerMessage} files of {u.MaxFileBytes} bytes each.");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = maxBody;
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
            return DirectLineResults.BadRequest("Malformed upload", "An upload is multipart/form-data with a boundary.");

        Upload upload;
        try
        {
            upload = await ReadUploadAsync(new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = MaxPartHeaderBytes, BodyLengthLimit = maxBody },
                u, options.Value.MaxBodyBytes, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DirectLineResults.TooLarge($"An upload may have at most {u.MaxFilesPerMessage} files of {u.MaxFileBytes} bytes each.");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException or JsonException)
        {
            return DirectLineResults.BadRequest("Malformed upload", ex.Message);
        }
        if (upload.Files.Count == 0)
            return DirectLineResults.BadRequest("No file", "An upload needs at least one file part.");
        var activity = upload.Activity ?? new Activity { Type = ActivityTypes.Message };
        if ((CheckUploadActivity(activity, options.Value) ?? ClientActivityIds.Check(activity)) is { } problem)
            return problem;

        Address(activity, conversationId, grant, adapter, bot.Value, clock);
        activity.Attachments = [.. upload.Files.Select(IncomingFiles.Describe)];
        var id = await adapter.ReceiveAsync(activity, ClientIp(http), upload.Files, ct);
        return TypedResults.Ok(new DirectLineResource(id));
    }

    /// <summary>
    /// The parts: the activity (at most <paramref name="maxActivityBytes"/>) and up to one file more than allowed (so the bot
    /// can say "too many"); a file larger than allowed is held without content (the bot says "too large").
    /// </summary>
    private static async Task<Upload> ReadUploadAsync(MultipartReader reader, UploadOptions limits, int maxActivityBytes, CancellationToken ct)
    {
        var files = new List<IncomingFile>();
        Activity? activity = null;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException("Every part needs Content-Disposition: form-data.");
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (string.Equals(name, "activity", StringComparison.Ordinal) && !disposition.IsFileDisposition() || IsActivityType(section.ContentType))
            {
                if (activity is not null)
                    throw new InvalidDataException("An upload carries at most one activity part.");
                var json = await ReadPartAsync(section.Body, maxActivityBytes, ct) ?? throw new InvalidDataException($"The activity part may have at most {maxActivityBytes} bytes.");
                activity = ActivityJson.Deserialize(json);
                continue;
            }
            if (files.Count > limits.MaxFilesPerMessage)
                continue;
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? name;
            var content = await ReadPartAsync(section.Body, limits.MaxFileBytes, ct);
            files.Add(new HeldFile(fileName, section.ContentType, content, content?.LongLength ?? limits.MaxFileBytes + 1));
        }
        return new Upload(files, activity);
    }

    private static bool IsActivityType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Equals("application/vnd.microsoft.activity", StringComparison.OrdinalIgnoreCase);

    /// <summary>The part's bytes, or null (the rest skipped) when it has more than <paramref name="max"/>.</summary>
    private static async Task<byte[]?> ReadPartAsync(Stream body, long max, CancellationToken ct)
    {
        var content = await LimitedBody.ReadAsync(body, max, ct);
        if (content is null)
            await body.DrainAsync(ct);
        return content;
    }

    /// <summary>The activity an upload comes with: a message, its text within limits; attachments are the files, not its own.</summary>
    private static IResult? CheckUploadActivity(Activity activity, WebChatOptions options) => activity switch
    {
        { Type: not ActivityTypes.Message } => DirectLineResults.BadRequest("Activity type not allowed", "An upload comes with a 'message' activity."),
        { Text.Length: var length } when length > options.MaxMessageChars => DirectLineResults.TooLarge($"A message may have at most {options.MaxMessageChars} characters."),
        { From.Name.Length: > MaxNameChars } => DirectLineResults.BadRequest("Name too long", $"from.name may have at most {MaxNameChars} characters."),
        { Locale: { } locale } when !LocalePattern().IsMatch(locale) => DirectLineResults.BadRequest("Invalid locale", "The locale must be a language tag such as de-DE."),
        _ => null,
    };

    private sealed record Upload(IReadOnlyList<IncomingFile> Files, Activity? Activity);
}
