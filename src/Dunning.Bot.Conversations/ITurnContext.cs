namespace Dunning.Bot.Conversations;

/// <summary>
/// One turn: the incoming activity, the adapter that received it, the replies. Outgoing activities are
/// addressed to the incoming conversation automatically (from = bot, recipient = user, replyToId).
/// </summary>
public interface ITurnContext
{
    BotAdapter Adapter { get; }

    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    TurnContextStateCollection TurnState { get; }

    /// <summary>True once a message (not trace) was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>Sends a plain message with <paramref name="text"/>.</summary>
    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken);

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Sends activities in order through the <see cref="OnSendActivities"/> handlers, then the adapter.</summary>
    Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken);

    /// <summary>Adds a handler run for every send in this turn (in registration order). Returns this context.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    ITurnContext OnUpdateActivity(UpdateActivityHandler handler);

    ITurnContext OnDeleteActivity(DeleteActivityHandler handler);
}
