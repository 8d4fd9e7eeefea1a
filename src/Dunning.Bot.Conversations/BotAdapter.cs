using Dunning.Bot.Conversations.State;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Conversations;

/// <summary>
/// Connects the bot to a channel: runs each incoming activity through the middleware and the bot, one
/// turn at a time per conversation, and sends, updates and deletes activities on the channel.
/// </summary>
/// <remarks>
/// Channel adapters derive from it, implement the three channel operations and call
/// <see cref="ProcessActivityAsync"/> for each verified incoming activity. Turns of one conversation
/// (channel id + conversation id) are serialized in this process; across processes the storage eTag
/// protects state. A turn that throws goes to <see cref="OnTurnError"/> instead of the caller.
/// </remarks>
public abstract class BotAdapter
{
    private readonly MiddlewareSet _middleware = new();
    private readonly ConversationLocks _locks = new();

    protected BotAdapter(ILogger logger)
    {
        Logger = logger ?? throw new ArgumentNullException(nameof(logger));
        OnTurnError = DefaultOnTurnErrorAsync;
    }

    protected ILogger Logger { get; }

    /// <summary>The per-conversation locks (exposed for diagnostics: how many conversations are busy).</summary>
    public ConversationLocks Locks => _locks;

    /// <summary>
    /// Handles an exception thrown by a turn. The default logs it, sends <see cref="ErrorReply"/> and
    /// deletes the conversation state of every <see cref="StatesToResetOnError"/> (so a broken dialog
    /// stack cannot trap the user); on <see cref="StorageConflictException"/> state is kept, because a
    /// newer version written by someone else is in storage. Set to null to let exceptions propagate.
    /// </summary>
    public Func<ITurnContext, Exception, CancellationToken, Task>? OnTurnError { get; set; }

    /// <summary>The neutral reply after a failed turn; returns null to send nothing. Default: <see cref="TurnErrorReply.Default"/> by locale.</summary>
    public Func<ITurnContext, string?> ErrorReply { get; set; } = static turn => TurnErrorReply.Default.For(turn.Activity.Locale);

    /// <summary>States deleted for the conversation after a failed turn (typically the <see cref="ConversationState"/> holding the dialog stack).</summary>
    public IList<BotState> StatesToResetOnError { get; } = [];

    /// <summary>Adds middleware; it runs in the order added.</summary>
    public BotAdapter Use(IMiddleware middleware)
    {
        _middleware.Use(middleware);
        return this;
    }

    /// <summary>Sends activities to the channel, in order; returns one response per activity.</summary>
    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>Replaces an earlier activity (its <c>id</c> names it) on the channel.</summary>
    public abstract Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken);

    /// <summary>Deletes the activity <see cref="ConversationReference.ActivityId"/> on the channel.</summary>
    public abstract Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one turn for an incoming activity: middleware, then <paramref name="callback"/>, serialized with
    /// every other turn of the same conversation. Exceptions go to <see cref="OnTurnError"/>.
    /// </summary>
    public Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(callback);
        return _locks.RunAsync(
            ConversationKey(activity.ChannelId, activity.Conversation?.Id),
            (Adapter: this, Activity: activity, Callback: callback),
            static (s, ct) => s.Adapter.RunTurnAsync(new TurnContext(s.Adapter, s.Activity), s.Callback, ct),
            cancellationToken);
    }

    /// <summary>
    /// Starts a proactive turn in the conversation of <paramref name="reference"/>: the callback gets a
    /// turn context whose activity is an <c>event</c> named <c>ContinueConversation</c> addressed like an
    /// incoming activity of that conversation, so replies go to the user. Serialized with the
    /// conversation's other turns, and passes the middleware like any turn.
    /// </summary>
    public virtual Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var activity = new Activity { Type = ActivityTypes.Event, Name = "ContinueConversation" }
            .ApplyConversationReference(reference, isIncoming: true);
        return ProcessActivityAsync(activity, callback, cancellationToken);
    }

    /// <summary>The lock key of a conversation: "{channelId}/{conversationId}".</summary>
    public static string ConversationKey(string? channelId, string? conversationId) =>
        string.Concat(channelId ?? string.Empty, "/", conversationId ?? string.Empty);

    /// <summary>Runs middleware and callback for an existing context, routing exceptions to <see cref="OnTurnError"/>.</summary>
    protected async Task RunTurnAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        try
        {
            await _middleware.ReceiveActivityWithStatusAsync(turnContext, callback, cancellationToken);
        }
        catch (Exception ex) when (OnTurnError is not null && ex is not OperationCanceledException)
        {
            await OnTurnError(turnContext, ex, cancellationToken);
        }
    }

    private async Task DefaultOnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        Logger.LogError(exception, "Turn failed in conversation {ChannelId}/{ConversationId} ({ActivityType})",
            turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id, turnContext.Activity.Type);

        // Each recovery step is independent: a failing reply must not keep the state from being reset.
        try
        {
            var text = ErrorReply(turnContext);
            if (!string.IsNullOrEmpty(text))
                await turnContext.SendActivityAsync(text, cancellationToken);
        }
        catch (Exception sendError) when (sendError is not OperationCanceledException)
        {
            Logger.LogWarning(sendError, "Could not send the error reply to {ConversationId}", turnContext.Activity.Conversation?.Id);
        }

        if (exception is StorageConflictException)
            return;
        foreach (var state in StatesToResetOnError)
        {
            try
            {
                await state.DeleteAsync(turnContext, cancellationToken);
            }
            catch (Exception resetError) when (resetError is not OperationCanceledException)
            {
                Logger.LogWarning(resetError, "Could not reset state of {ConversationId}", turnContext.Activity.Conversation?.Id);
            }
        }
    }
}
