using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Hosting;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: reads the body once (size-limited), authenticates before anything else, then
/// trusts the serviceUrl, translates Teams' peculiarities and runs the turn (the adapter answers a connector's retry of a
/// processed activity without a second turn). Failures answer 400/401/403/413 with nothing processed.
/// </summary>
public sealed partial class TeamsMessageEndpoint(
    BotFrameworkTokenValidator validator,
    TrustedServiceUrls trusted,
    TeamsOwnerLink ownerLink,
    TeamsAdapter adapter,
    BotConnectorClient connector,
    TeamsFiles files,
    IOptions<TeamsOptions> options,
    ILogger<TeamsMessageEndpoint> logger)
{
    public const string Route = "/api/messages";

    public async Task<IResult> HandleAsync(HttpContext http, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(bot);
        var body = await LimitedBody.ReadAsync(http.Request, options.Value.MaxActivityBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        using var document = TryParse(body);
        var auth = await validator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), document?.RootElement ?? default, cancellationToken).ConfigureAwait(false);
        if (!auth.Succeeded)
            return Results.StatusCode(auth.StatusCode);
        if (auth.IsAnonymous && !TeamsAuthenticationGuard.IsAllowedAnonymousCaller(http.Connection.RemoteIpAddress))
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Without Teams:AppId only callers on this machine are answered (Teams:AllowAnonymous).");

        if (document is null || ReadActivity(body) is not { } activity)
            return Results.Problem(statusCode: 400, title: "The body is not a Bot Framework activity with type, channelId, conversation.id and an http(s) serviceUrl.");
        trusted.Trust(activity.ServiceUrl!, persist: !auth.IsAnonymous);

        TeamsInbound.Normalize(activity);
        // The message's files (proof of payment) travel in the turn state; its attachments then name only those files.
        var incoming = activity.Type == ActivityTypes.Message ? files.Of(activity) : [];
        if (activity.Type == ActivityTypes.Message)
            activity.Attachments = incoming.Count > 0 ? [.. incoming.Select(IncomingFiles.Describe)] : null;
        var response = await ownerLink.IsOwnerCodeAsync(activity, cancellationToken).ConfigureAwait(false)
            ? await BindOwnerAsync(activity, cancellationToken).ConfigureAwait(false)
            : await adapter.ProcessInboundAsync(activity, (turn, ct) =>
            {
                IncomingFiles.Set(turn, incoming);
                return bot.OnTurnAsync(turn, ct);
            }, cancellationToken).ConfigureAwait(false);
        return response.Body is { } json ? new RawJsonResult(json, response.Status) : Results.StatusCode(response.Status);
    }

    private async Task<InvokeResponse> BindOwnerAsync(Activity activity, CancellationToken cancellationToken)
    {
        var reply = ownerLink.Bind(activity);
        if (string.Equals(activity.DeliveryMode, TeamsAdapter.ExpectReplies, StringComparison.Ordinal))
            return new InvokeResponse(200, TeamsAdapter.ExpectedRepliesBody([reply]));
        var sent = await connector.SendAsync(reply, mayWait: true, cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
            LogOwnerReplyFailed(sent.Status);
        return new InvokeResponse(200);
    }


    private static JsonDocument? TryParse(byte[] body)
    {
        // Invalid UTF-8 inside a string would only throw when the validator reads it (serviceUrl): treat it as no JSON.
        if (!System.Text.Unicode.Utf8.IsValid(body))
            return null;
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Activity? ReadActivity(byte[] body)
    {
        Activity activity;
        try
        {
            activity = ActivityJson.Deserialize(body);
        }
        catch (JsonException)
        {
            return null;
        }
        return string.IsNullOrWhiteSpace(activity.Type) || string.IsNullOrWhiteSpace(activity.ChannelId)
            || string.IsNullOrWhiteSpace(activity.Conversation?.Id) || TrustedServiceUrls.Normalize(activity.ServiceUrl) is null
            ? null
            : activity;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The owner-binding confirmation could not be sent: {Status}")]
    private partial void LogOwnerReplyFailed(int status);
}
