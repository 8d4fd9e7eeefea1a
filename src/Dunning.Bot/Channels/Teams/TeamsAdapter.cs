using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Bot.Conversations;
using Dunning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// The engine's adapter for Teams and every other Bot Framework client: runs a verified inbound activity as one
/// turn (serialized per conversation) and sends the bot's replies through the Bot Connector — or, for
/// <c>deliveryMode: expectReplies</c>, collects them for the HTTP response. Answers invokes synchronously.
/// Everything a turn writes (transcript, bot state, conversation link) is committed in one transaction (an
/// <see cref="IUnitOfWork"/>) before the HTTP response; a turn that fails past the error handler writes nothing.
/// </summary>
public sealed class TeamsAdapter : BotAdapter
{
    /// <summary>The delivery mode asking for the replies in the HTTP response.</summary>
    public const string ExpectReplies = "expectReplies";

    /// <summary>The invoke name of Universal Actions (<c>Action.Execute</c>) on Adaptive Cards.</summary>
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    private const string RepliesKey = "Dunning.Bot.Channels.Teams.ExpectedReplies";
    private const string InvokeResponseType = "invokeResponse";
    private readonly BotConnectorClient connector;
    private readonly IUnitOfWorkFactory database;
    private readonly ITeamsStore store;
    private readonly TimeProvider clock;
    private readonly TimeSpan deduplicationWindow;

    public TeamsAdapter(BotConnectorClient connector, IUnitOfWorkFactory database, ITeamsStore store, TimeProvider clock, IOptions<TeamsOptions> options,
        ILogger<TeamsAdapter> logger)
        : base(logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.connector = connector ?? throw new ArgumentNullException(nameof(connector));
        this.database = database ?? throw new ArgumentNullException(nameof(database));
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        deduplicationWindow = options.Value.DeduplicationWindow;
    }

    /// <summary>
    /// Runs the turn for an authenticated, normalized inbound activity and returns what the HTTP response carries:
    /// 200 with no body, 200 with <c>{"activities": […]}</c> for expectReplies, or the invoke's status and body.
    /// An <c>adaptiveCard/action</c> invoke runs as a message with the card's choice (validated by the bot like any
    /// input) and is answered <c>{statusCode: 200, type: "application/vnd.microsoft.activity.message", value}</c>.
    /// An activity processed before (the same channel, conversation and id within <see cref="TeamsOptions.DeduplicationWindow"/>,
    /// remembered in the turn's transaction) runs no second turn: it gets the first answer's status — for expectReplies with
    /// an empty <c>activities</c> list (the replies went with the first answer), for an invoke other than a card action without a body.
    /// </summary>
    public async Task<InvokeResponse> ProcessInboundAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(callback);
        var cardAction = activity.Type == ActivityTypes.Invoke && string.Equals(activity.Name, AdaptiveCardActionInvoke, StringComparison.Ordinal);
        var turnActivity = cardAction ? CardActionAsMessage(activity) : activity;
        var turn = new TurnContext(this, turnActivity);
        var replies = string.Equals(activity.DeliveryMode, ExpectReplies, StringComparison.Ordinal) ? new List<Activity>() : null;
        if (replies is not null)
            turn.TurnState[RepliesKey] = replies;
        var (channel, conversation) = (turnActivity.ChannelId, turnActivity.Conversation?.Id);
        var delivery = TeamsDeliveries.Key(channel, conversation, activity.Id);

        InvokeResponse? response = null;
        var repeated = false;
        await Locks.RunAsync(ConversationKey(channel, conversation), callback, async (run, ct) =>
        {
            using var unit = database.BeginUnitOfWork();
            if (channel is { Length: > 0 } && conversation is { Length: > 0 })
                await unit.HoldConversationAsync(channel, conversation, ct).ConfigureAwait(false);
            if (delivery is not null && await store.FindDeliveryAsync(delivery, ct).ConfigureAwait(false) is { } status)
            {
                (response, repeated) = (Repeated(activity, turnActivity, cardAction, status), true);
                return;
            }
            await RunTurnAsync(turn, run, ct).ConfigureAwait(false);
            response = Answer(activity, turnActivity, turn, cardAction, replies);
            var now = clock.GetUtcNow();
            if (delivery is not null)
                await store.RecordDeliveryAsync(delivery, response.Status, now, now - deduplicationWindow, ct).ConfigureAwait(false);
            await unit.CommitAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        if (repeated)
            Logger.LogInformation("Answered a repeated delivery of activity {ActivityId} without a second turn", activity.Id);
        return response!;
    }

    /// <summary>The answer to a turn that ran.</summary>
    private static InvokeResponse Answer(Activity activity, Activity turnActivity, TurnContext turn, bool cardAction, List<Activity>? replies)
    {
        if (cardAction)
            return CardActionResponse(turnActivity);
        if (activity.Type == ActivityTypes.Invoke)
            return turn.TurnState.Get<InvokeResponse>(InvokeResponse.TurnStateKey) ?? new InvokeResponse(501);
        if (replies is not null)
            return new InvokeResponse(200, ExpectedRepliesBody(replies));
        return new InvokeResponse(200);
    }

    /// <summary>The answer to a repeated delivery: the first answer's status, and what of its body can be given again.</summary>
    private static InvokeResponse Repeated(Activity activity, Activity turnActivity, bool cardAction, int status)
    {
        if (cardAction)
            return CardActionResponse(turnActivity);
        if (activity.Type != ActivityTypes.Invoke && string.Equals(activity.DeliveryMode, ExpectReplies, StringComparison.Ordinal))
            return new InvokeResponse(status, ExpectedRepliesBody([]));
        return new InvokeResponse(status);
    }

    private static InvokeResponse CardActionResponse(Activity turnActivity) =>
        new(200, JsonSerializer.SerializeToElement(new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = "application/vnd.microsoft.activity.message",
            ["value"] = turnActivity.Text ?? "",
        }));

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        var replies = turnContext.TurnState.Get<List<Activity>>(RepliesKey);
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (activity.Type == InvokeResponseType)
            {
                turnContext.TurnState[InvokeResponse.TurnStateKey] = ReadInvokeResponse(activity.Value);
                responses[i] = new ResourceResponse(null);
            }
            else if (replies is not null)
            {
                replies.Add(TeamsCards.ForTeams(activity));
                responses[i] = new ResourceResponse(null);
            }
            else
            {
                var response = await connector.SendAsync(TeamsCards.ForTeams(activity), mayWait: true, cancellationToken).ConfigureAwait(false);
                responses[i] = response.IsSuccess ? new ResourceResponse(response.Id) : throw new BotConnectorException(response);
            }
        }
        return responses;
    }

    public override async Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var response = await connector.UpdateAsync(TeamsCards.ForTeams(activity), cancellationToken).ConfigureAwait(false);
        return response.IsSuccess ? new ResourceResponse(response.Id ?? activity.Id) : throw new BotConnectorException(response);
    }

    public override async Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        var response = await connector.DeleteAsync(reference, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
            throw new BotConnectorException(response);
    }

    /// <summary>The card's data (<c>value.action.data</c>) as a message: text = its choice (or the verb), value = the data.</summary>
    private static Activity CardActionAsMessage(Activity invoke)
    {
        var message = invoke.Clone();
        message.Type = ActivityTypes.Message;
        message.Name = null;
        message.Text = null;
        if (invoke.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            if (action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
                message.Value = data.Clone();
            else
                message.Value = null;
            TeamsInbound.MapCardSubmit(message);
            if (string.IsNullOrEmpty(message.Text) && action.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String)
                message.Text = verb.GetString();
        }
        return message;
    }

    private static InvokeResponse ReadInvokeResponse(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v)
            return new InvokeResponse(200);
        var status = v.TryGetProperty("status", out var s) && s.TryGetInt32(out var code) ? code : 200;
        return new InvokeResponse(status, v.TryGetProperty("body", out var body) ? body.Clone() : null);
    }

    /// <summary>The expectReplies response body: <c>{"activities": [...]}</c> in the wire format.</summary>
    internal static JsonElement ExpectedRepliesBody(IReadOnlyList<Activity> replies) =>
        JsonSerializer.SerializeToElement(new ExpectedReplies(replies), ActivityJson.Options);

    private sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
}
