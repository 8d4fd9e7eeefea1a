using System.Text.Json;
using System.Text.RegularExpressions;
using Dunning.Bot.Conversations;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

internal static partial class DirectLineApi
{
    private const int MaxNameChars = 100;

    /// <summary>
    /// Checks, logs (the echo) and answers one client activity; its turn has run when this returns.
    /// Clients may post messages (text, or a value from a card) and named events; nothing else. A retry of an activity
    /// already accepted (the same client id, see <see cref="ClientActivityIds"/>) gets the first one's id and runs nothing.
    /// </summary>
    internal static async Task<IResult> PostActivityAsync(string conversationId, HttpContext http, DirectLineTokens tokens,
        WebChatAdapter adapter, IWebChatStore store, WebChatRateLimits limits, IOptions<WebChatOptions> options, IOptions<BotOptions> bot,
        TimeProvider clock, CancellationToken ct)
    {
        var (grant, denied) = await GrantAsync(http, conversationId, tokens, null, ct);
        if (grant is null)
            return denied!;
        // An expired or erased conversation stays gone: its still-valid token must not start a new log.
        if (!await store.ExistsAsync(conversationId, ct))
            return DirectLineResults.NotFound("The token's conversation does not exist.");
        if (limits.Post(conversationId) is { } wait)
            return DirectLineResults.TooManyRequests(http, wait);

        var max = options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > max)
            return DirectLineResults.TooLarge($"The body may have at most {max} bytes.");
        var body = await LimitedBody.ReadAsync(http.Request, max, ct);
        if (body is null)
            return DirectLineResults.TooLarge($"The body may have at most {max} bytes.");

        // The JSON reader leaves strings inside free-form values (value, channelData) undecoded: check the whole body.
        if (!System.Text.Unicode.Utf8.IsValid(body))
            return DirectLineResults.BadRequest("Malformed JSON", "The body is not valid UTF-8.");
        Activity activity;
        try
        {
            activity = ActivityJson.Deserialize(body);
        }
        catch (JsonException ex)
        {
            return DirectLineResults.BadRequest("Malformed JSON", ex.Message);
        }
        if ((Check(activity, options.Value) ?? ClientActivityIds.Check(activity)) is { } problem)
            return problem;

        Address(activity, conversationId, grant, adapter, bot.Value, clock);
        try
        {
            return TypedResults.Ok(new DirectLineResource(await adapter.ReceiveAsync(activity, ClientIp(http), ct)));
        }
        catch (Conversations.State.StorageConflictException ex)
        {
            // Several hosts: another turn of the conversation held it past Storage:Hosts:TurnLockTimeout; nothing was logged.
            return DirectLineResults.Busy(http, ex.Message);
        }
    }

    /// <summary>Addresses a client's activity as the channel saw it: this conversation, the token's user (never the body's), the bot, now.</summary>
    private static void Address(Activity activity, string conversationId, DirectLineGrant grant, WebChatAdapter adapter, BotOptions bot, TimeProvider clock)
    {
        activity.ChannelId = WebChatAdapter.Channel;
        activity.Conversation = new ConversationAccount(conversationId);
        activity.From = new ChannelAccount(grant.UserId, activity.From?.Name) { Role = "user" };
        activity.Recipient = adapter.BotAccount;
        activity.Timestamp = clock.GetUtcNow();
        activity.ServiceUrl = bot.PublicBaseUrl;
    }

    private static IResult? Check(Activity activity, WebChatOptions options)
    {
        switch (activity)
        {
            case { Type: ActivityTypes.Message, Attachments.Count: > 0 }:
                return DirectLineResults.BadRequest("Attachments not accepted", "This chat does not accept uploads.");
            case { Type: ActivityTypes.Message, Text.Length: var length } when length > options.MaxMessageChars:
                return DirectLineResults.TooLarge($"A message may have at most {options.MaxMessageChars} characters.");
            case { Type: ActivityTypes.Message, Value: null } when string.IsNullOrWhiteSpace(activity.Text):
                return DirectLineResults.BadRequest("Empty message", "A message needs text (more than spaces) or a value.");
            case { Type: ActivityTypes.Event, Name: null or "" }:
                return DirectLineResults.BadRequest("Unnamed event", "An event activity needs a name.");
            case { Type: ActivityTypes.Event, Name.Length: > MaxNameChars }:
                return DirectLineResults.BadRequest("Event name too long", $"An event name may have at most {MaxNameChars} characters.");
            case { Type: not (ActivityTypes.Message or ActivityTypes.Event) }:
                return DirectLineResults.BadRequest("Activity type not allowed", $"Clients may post 'message' and 'event' activities, not '{activity.Type}'.");
            case { From.Name.Length: > MaxNameChars }:
                return DirectLineResults.BadRequest("Name too long", $"from.name may have at most {MaxNameChars} characters.");
            case { Locale: { } locale } when !LocalePattern().IsMatch(locale):
                return DirectLineResults.BadRequest("Invalid locale", "The locale must be a language tag such as de-DE.");
            default:
                return null;
        }
    }


    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$")]
    private static partial Regex LocalePattern();
}
