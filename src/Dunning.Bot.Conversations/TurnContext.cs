namespace Dunning.Bot.Conversations;

/// <inheritdoc cref="ITurnContext"/>
public sealed class TurnContext : ITurnContext
{
    // Created on first registration: most turns register no handler.
    private List<SendActivitiesHandler>? _onSend;
    private List<UpdateActivityHandler>? _onUpdate;
    private List<DeleteActivityHandler>? _onDelete;
    private ConversationReference? _reference;

    public TurnContext(BotAdapter adapter, Activity activity)
    {
        Adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
    }

    public BotAdapter Adapter { get; }

    public Activity Activity { get; }

    public TurnContextStateCollection TurnState { get; } = [];

    public bool Responded { get; private set; }

    private ConversationReference Reference => _reference ??= Activity.GetConversationReference();

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken) =>
        SendActivityAsync(Activity.CreateMessage(text), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var responses = await SendActivitiesAsync([activity], cancellationToken);
        return responses.Length > 0 ? responses[0] : new ResourceResponse(null);
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var outgoing = new List<Activity>(activities.Count);
        foreach (var activity in activities)
            outgoing.Add(activity.ApplyConversationReference(Reference));

        if (_onSend is null)
            return SendThroughAdapterAsync(outgoing, cancellationToken);
        return RunSendHandlers(0, outgoing, () => SendThroughAdapterAsync(outgoing, cancellationToken));
    }

    private async Task<ResourceResponse[]> SendThroughAdapterAsync(List<Activity> outgoing, CancellationToken cancellationToken)
    {
        var responses = await Adapter.SendActivitiesAsync(this, outgoing, cancellationToken);
        foreach (var activity in outgoing)
        {
            if (activity.Type != ActivityTypes.Trace)
                Responded = true;
        }
        return responses;
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.ApplyConversationReference(Reference);
        return RunUpdateHandlers(0, activity, () => Adapter.UpdateActivityAsync(this, activity, cancellationToken));
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var reference = Activity.GetConversationReference();
        reference.ActivityId = activityId;
        return RunDeleteHandlers(0, reference, () => Adapter.DeleteActivityAsync(this, reference, cancellationToken));
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        (_onSend ??= []).Add(handler);
        return this;
    }

    public ITurnContext OnUpdateActivity(UpdateActivityHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        (_onUpdate ??= []).Add(handler);
        return this;
    }

    public ITurnContext OnDeleteActivity(DeleteActivityHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        (_onDelete ??= []).Add(handler);
        return this;
    }

    private Task<ResourceResponse[]> RunSendHandlers(int index, List<Activity> activities, Func<Task<ResourceResponse[]>> last) =>
        index == (_onSend?.Count ?? 0)
            ? last()
            : _onSend![index](this, activities, () => RunSendHandlers(index + 1, activities, last));

    private Task<ResourceResponse> RunUpdateHandlers(int index, Activity activity, Func<Task<ResourceResponse>> last) =>
        index == (_onUpdate?.Count ?? 0)
            ? last()
            : _onUpdate![index](this, activity, () => RunUpdateHandlers(index + 1, activity, last));

    private Task RunDeleteHandlers(int index, ConversationReference reference, Func<Task> last) =>
        index == (_onDelete?.Count ?? 0)
            ? last()
            : _onDelete![index](this, reference, () => RunDeleteHandlers(index + 1, reference, last));
}
