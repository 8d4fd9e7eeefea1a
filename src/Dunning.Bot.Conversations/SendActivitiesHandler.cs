namespace Dunning.Bot.Conversations;

/// <summary>
/// Sees (and may change, drop or add to) activities before they are sent; call <paramref name="next"/>
/// to send, or return without calling it to suppress them.
/// </summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(
    ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);

/// <summary>Sees an activity update before it is sent; call <paramref name="next"/> to send it.</summary>
public delegate Task<ResourceResponse> UpdateActivityHandler(
    ITurnContext turnContext, Activity activity, Func<Task<ResourceResponse>> next);

/// <summary>Sees an activity deletion before it is sent; call <paramref name="next"/> to delete.</summary>
public delegate Task DeleteActivityHandler(
    ITurnContext turnContext, ConversationReference reference, Func<Task> next);
