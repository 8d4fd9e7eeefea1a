using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// The web chat's bot adapter. "Sending" means appending to the conversation's activity log in
/// <see cref="IWebChatStore"/>; the client fetches it by polling. A posted activity is logged (the Direct Line
/// echo) and its turn runs under the conversation's lock before the POST answers, so the reply is readable
/// as soon as the client has its <c>{id}</c>. Everything the turn writes — the echo, the replies, the
/// transcript, the bot state, the conversation link — is committed in one transaction (an <see cref="IUnitOfWork"/>)
/// before the POST answers; a turn that fails past the error handler writes nothing. As <see cref="IProactiveChannel"/> (channel <c>webchat</c>) it
/// appends reminders and staff messages to a known conversation's log.
/// </summary>
public sealed partial class WebChatAdapter : BotAdapter, IProactiveChannel
{
    /// <summary>The channel id of web chat activities and conversation references.</summary>
    public const string Channel = "webchat";

    private readonly IWebChatStore store;
    private readonly IChangeNotifications changes;
    private readonly IUnitOfWorkFactory database;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly int retryWindow;

    public WebChatAdapter(IWebChatStore store, IChangeNotifications changes, IUnitOfWorkFactory database, IServiceScopeFactory scopes, TimeProvider clock, IOptions<WebChatOptions> options, ILogger<WebChatAdapter> logger)
        : base(logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.changes = changes;
        this.database = database;
        this.scopes = scopes;
        this.clock = clock;
        BotAccount = new ChannelAccount("bot", options.Value.BotName) { Role = "bot" };
        retryWindow = options.Value.RetryWindow;
    }

    public string ChannelId => Channel;

    /// <summary>The bot as it appears in <c>from</c> of its activities.</summary>
    public ChannelAccount BotAccount { get; }

    /// <summary>
    /// Logs a verified client activity (assigning its id), then runs the bot's turn for it; returns the id. A retry of an
    /// activity the conversation accepted before (its client id, see <see cref="ClientActivityIds"/>, is recorded with the
    /// echo) returns the first one's id and writes and sends nothing.
    /// Both happen under the conversation's lock, so the log keeps each message before its replies, and everything
    /// the turn wrote is committed together before this returns; then the conversation's WebSocket stream, if open, is woken.
    /// <paramref name="clientAddress"/> (see <see cref="ClientAddress"/>) is what wrong access codes are counted by.
    /// </summary>
    public Task<string> ReceiveAsync(Activity activity, string clientAddress, CancellationToken cancellationToken) =>
        ReceiveAsync(activity, clientAddress, [], cancellationToken);

    /// <summary>As <see cref="ReceiveAsync(Activity, string, CancellationToken)"/>, for a message with <paramref name="files"/> (a Direct Line upload).</summary>
    public async Task<string> ReceiveAsync(Activity activity, string clientAddress, IReadOnlyList<Uploads.IncomingFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = string.Empty;
        var retried = false;
        var clientId = ClientActivityIds.Of(activity);
        await Locks.RunAsync(ConversationKey(Channel, activity.Conversation?.Id), activity, async (incoming, ct) =>
        {
            var conversation = incoming.Conversation!.Id!;
            using var unit = database.BeginUnitOfWork();
            // Across hosts too, before the echo: the turns of this conversation, with their log entries, one after the other.
            await unit.HoldConversationAsync(Channel, conversation, ct);
            if (clientId is not null && await store.FindClientActivityAsync(conversation, clientId, ct) is { } earlier)
            {
                (id, retried) = (earlier, true);
                return;
            }
            id = (await store.AppendAsync(conversation, [JoinEcho.Redacted(incoming)], ct))[0];
            // In the turn's unit: a turn that fails is not taken as accepted, and its retry runs.
            if (clientId is not null && !await store.RecordClientActivityAsync(conversation, clientId, id, retryWindow, ct))
            {
                // Another host recorded it meanwhile (the conversation's hold makes that rare): its turn is the one that ran.
                (id, retried) = (await store.FindClientActivityAsync(conversation, clientId, ct)
                    ?? throw new Conversations.State.StorageConflictException("The conversation changed meanwhile; nothing was written. Try again."), true);
                return;
            }
            incoming.Id = id;
            await ProcessActivityAsync(incoming, (turn, c) =>
            {
                ClientOrigin.Set(turn, clientAddress);
                Uploads.IncomingFiles.Set(turn, files);
                return RunBotAsync(turn, c);
            }, ct);
            await unit.CommitAsync(ct);
        }, cancellationToken);
        if (retried)
        {
            LogRetry(Logger, clientId);
            return id;
        }
        // After the commit, even when the client has gone: every host's streams of the conversation (WebChatStreams) read it.
        await changes.PublishAsync(WebChatStreams.Topic, activity.Conversation!.Id!, CancellationToken.None);
        return id;
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var conversation = turnContext.Activity.Conversation?.Id ?? throw new InvalidOperationException("The turn has no conversation.");
        var responses = new ResourceResponse[activities.Count];
        var delivered = new List<Activity>(activities.Count);
        foreach (var activity in activities)
        {
            // Trace activities are for the emulator only; the real Direct Line never shows them to the user.
            if (activity.Type is ActivityTypes.Trace or "delay")
                continue;
            activity.Conversation ??= turnContext.Activity.Conversation;
            activity.Recipient ??= turnContext.Activity.From;
            delivered.Add(Stamp(activity));
        }
        var ids = delivered.Count == 0 ? [] : await store.AppendAsync(conversation, delivered, cancellationToken);
        for (int i = 0, d = 0; i < activities.Count; i++)
            responses[i] = new ResourceResponse(d < ids.Length && ReferenceEquals(activities[i], delivered[d]) ? ids[d++] : null);
        return responses;
    }

    /// <summary>Direct Line has no way to change a delivered activity; web chat does not support it.</summary>
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Web chat cannot update a delivered activity.");

    /// <summary>Direct Line has no way to delete a delivered activity; web chat does not support it.</summary>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Web chat cannot delete a delivered activity.");

    /// <summary>
    /// Appends <paramref name="activities"/> to the conversation of <paramref name="reference"/>: accepted once committed
    /// and awaiting fetch (the result's receipt is the last activity id; delivered when a client polls or streams it), Dead for a conversation this host never started,
    /// RetryLater when the database fails.
    /// </summary>
    public async Task<DeliveryResult> SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activities);
        if (reference.ChannelId != Channel || reference.Conversation?.Id is not { Length: > 0 } conversation)
            return DeliveryResult.Dead($"Not a web chat conversation: {reference.ChannelId}/{reference.Conversation?.Id}");
        try
        {
            if (!await store.ExistsAsync(conversation, cancellationToken))
                return DeliveryResult.Dead($"Unknown web chat conversation {conversation}");
            var stamped = activities.Select(a => Stamp(a.Clone().ApplyConversationReference(reference))).ToList();
            string[] ids = [];
            await Locks.RunAsync(ConversationKey(Channel, conversation), stamped, async (list, ct) => ids = await store.AppendAsync(conversation, list, ct), cancellationToken);
            await changes.PublishAsync(WebChatStreams.Topic, conversation, CancellationToken.None);
            // Appended is not arrived: it is delivered once a client fetches its last activity (see DeliveryReceipts).
            return ids.Length == 0 ? DeliveryResult.Delivered : DeliveryResult.AwaitingFetch(ids[^1]);
        }
        catch (StorageException ex)
        {
            Logger.LogWarning(ex, "Could not append a proactive message to web chat conversation {ConversationId}", conversation);
            return DeliveryResult.RetryLater(ex.Message);
        }
    }

    private Activity Stamp(Activity activity)
    {
        activity.ChannelId = Channel;
        // Always the bot's id and role; a staff message may carry its author's display name.
        activity.From = activity.From?.Name is { } name && name != BotAccount.Name
            ? new ChannelAccount(BotAccount.Id!, name) { Role = BotAccount.Role }
            : BotAccount;
        activity.Timestamp = clock.GetUtcNow();
        if (activity.Type == ActivityTypes.Message)
        {
            // Without it Web Chat reads the text as Markdown, and single line breaks (IBAN, BIC, bank) vanish.
            activity.TextFormat ??= "plain";
            activity.Attachments = WebChatImages.WholeInWebChat(activity.Attachments);
        }
        return activity;
    }

    private async Task RunBotAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        await bot.OnTurnAsync(turnContext, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered a retried post of client activity {ClientActivityId} with its first id; no second turn")]
    private static partial void LogRetry(ILogger logger, string? clientActivityId);
}
