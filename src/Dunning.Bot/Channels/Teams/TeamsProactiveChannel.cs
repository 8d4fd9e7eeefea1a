using System.Text.Json.Nodes;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// Bot-initiated messages on Teams (channel id <c>msteams</c>) to a stored <see cref="ConversationReference"/>, and
/// the 1:1 conversation with a user who installed the app but never wrote. One attempt each: 429 and 5xx (and our own
/// rate limit, timeouts, network errors) come back as <see cref="DeliveryStatus.RetryLater"/>; 403 and 404 — the app
/// was removed, the user is gone, the serviceUrl is not trusted — as <see cref="DeliveryStatus.Dead"/>.
/// </summary>
public sealed partial class TeamsProactiveChannel : IProactiveChannel
{
    public const string TeamsChannelId = "msteams";
    private readonly BotConnectorClient connector;
    private readonly TeamsOptions options;
    private readonly TeamsChannelState state;
    private readonly ILogger<TeamsProactiveChannel> logger;

    public TeamsProactiveChannel(BotConnectorClient connector, IOptions<TeamsOptions> options, TeamsChannelState state, ILogger<TeamsProactiveChannel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.state = state ?? throw new ArgumentNullException(nameof(state));
        this.connector = connector ?? throw new ArgumentNullException(nameof(connector));
        this.options = options.Value;
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public string ChannelId => TeamsChannelId;

    /// <summary>
    /// Sends the activities in order as new messages in the reference's conversation; stops at the first failure
    /// and reports it (the outbox retries the whole entry).
    /// </summary>
    public async Task<DeliveryResult> SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activities);
        if (!state.Enabled)
            return DeliveryResult.RetryLater("the Teams channel is off (Teams:Enabled, Teams:AppId)");
        if (string.IsNullOrEmpty(reference.ServiceUrl) || string.IsNullOrEmpty(reference.Conversation?.Id))
            return DeliveryResult.Dead("the conversation reference has no serviceUrl or conversation id");
        foreach (var activity in activities)
        {
            var outgoing = activity.Clone();
            outgoing.ReplyToId = null;
            outgoing.ApplyConversationReference(WithoutActivityId(reference));
            var result = await AttemptAsync(() => connector.SendAsync(TeamsCards.ForTeams(outgoing), mayWait: false, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (result.Outcome.Status != DeliveryStatus.Delivered)
                return result.Outcome;
        }
        return DeliveryResult.Delivered;
    }

    /// <summary>
    /// Opens a 1:1 conversation with a Teams user (<c>POST {serviceUrl}/v3/conversations</c>) and returns its
    /// reference, ready for <see cref="SendAsync"/> and for storing. <paramref name="userId"/> is the Teams user id
    /// (<c>29:…</c>) or the Entra object id; the serviceUrl must have arrived in an authenticated activity (the
    /// install's <c>conversationUpdate</c> brings it).
    /// </summary>
    public async Task<StartedConversation> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!state.Enabled)
            return new StartedConversation(DeliveryResult.RetryLater("the Teams channel is off (Teams:Enabled, Teams:AppId)"), null);
        var bot = new ChannelAccount($"28:{options.AppId}");
        var parameters = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = bot.Id },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["tenantId"] = tenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        var result = await AttemptAsync(() => connector.CreateConversationAsync(serviceUrl, tenantId, parameters, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (result.Outcome.Status != DeliveryStatus.Delivered)
            return new StartedConversation(result.Outcome, null);
        if (string.IsNullOrEmpty(result.Response?.Id))
            return new StartedConversation(DeliveryResult.RetryLater("the connector created no conversation id"), null);
        var reference = new ConversationReference
        {
            ChannelId = TeamsChannelId,
            ServiceUrl = serviceUrl,
            Bot = bot,
            User = new ChannelAccount(userId),
            Conversation = new ConversationAccount(result.Response.Id, "personal") { TenantId = tenantId, IsGroup = false },
        };
        return new StartedConversation(DeliveryResult.Delivered, reference);
    }

    private async Task<(DeliveryResult Outcome, ConnectorResponse? Response)> AttemptAsync(Func<Task<ConnectorResponse>> call, CancellationToken cancellationToken)
    {
        ConnectorResponse response;
        try
        {
            response = await call().ConfigureAwait(false);
        }
        catch (UntrustedServiceUrlException ex)
        {
            return (DeliveryResult.Dead(ex.Message), null);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogTransient(ex);
            return (DeliveryResult.RetryLater($"the Bot Connector could not be reached: {ex.GetType().Name}"), null);
        }
        catch (Exception ex) when (ex is Microsoft.Identity.Client.MsalException)
        {
            LogTransient(ex);
            return (DeliveryResult.RetryLater($"no connector token: {ex.GetType().Name}"), null);
        }
        return (Classify(response), response);
    }

    /// <summary>How one connector status maps onto the outbox's three outcomes.</summary>
    public static DeliveryResult Classify(ConnectorResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Status switch
        {
            >= 200 and < 300 => DeliveryResult.Delivered,
            403 => DeliveryResult.Dead($"403: the app was removed or the bot is blocked ({response.Detail})"),
            404 => DeliveryResult.Dead($"404: the conversation or user no longer exists ({response.Detail})"),
            _ => DeliveryResult.RetryLater(response.Detail ?? $"{response.Status}", response.RetryAfter),
        };
    }

    private static ConversationReference WithoutActivityId(ConversationReference reference) => new()
    {
        ChannelId = reference.ChannelId,
        ServiceUrl = reference.ServiceUrl,
        Conversation = reference.Conversation,
        User = reference.User,
        Bot = reference.Bot,
        Locale = reference.Locale,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams proactive send failed transiently")]
    private partial void LogTransient(Exception exception);
}

/// <summary>A conversation the bot opened: <see cref="Reference"/> is set when <see cref="Outcome"/> is Delivered.</summary>
public sealed record StartedConversation(DeliveryResult Outcome, ConversationReference? Reference);
