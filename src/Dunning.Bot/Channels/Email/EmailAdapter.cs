using System.Collections.Concurrent;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// The bot adapter for e-mail turns: a reply read from the mailbox runs through the same bot, middleware and dialogs
/// as a chat message, and what the bot says in that turn is collected (not sent one by one) so that it goes back as
/// one e-mail in the thread. Turns of one debtor's e-mail conversation run one at a time.
/// </summary>
public sealed class EmailAdapter : BotAdapter
{
    private readonly IServiceScopeFactory scopes;
    private readonly ConcurrentDictionary<string, List<Activity>> collected = new(StringComparer.Ordinal);

    public EmailAdapter(IServiceScopeFactory scopes, ILogger<EmailAdapter> logger)
        : base(logger)
    {
        this.scopes = scopes;
    }

    /// <summary>Runs the bot's turn for <paramref name="activity"/> and returns the messages it answered with.</summary>
    public Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, CancellationToken cancellationToken) =>
        ProcessAsync(activity, [], cancellationToken);

    /// <summary>As <see cref="ProcessAsync(Activity, CancellationToken)"/> for a reply with attached <paramref name="files"/> (proof of payment).</summary>
    public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, IReadOnlyList<Uploads.IncomingFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var key = ConversationKey(activity.ChannelId, activity.Conversation?.Id);
        var replies = new List<Activity>();
        collected[key] = replies;
        try
        {
            await ProcessActivityAsync(activity, (turn, ct) =>
            {
                Uploads.IncomingFiles.Set(turn, files);
                return RunBotAsync(turn, ct);
            }, cancellationToken);
        }
        finally
        {
            collected.TryRemove(key, out _);
        }
        return [.. replies.Where(r => r.Type == ActivityTypes.Message && (!string.IsNullOrWhiteSpace(r.Text) || r.Attachments is { Count: > 0 }))];
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var key = ConversationKey(turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id);
        var sink = collected.GetValueOrDefault(key);
        foreach (var activity in activities)
            sink?.Add(activity);
        return Task.FromResult(activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray());
    }

    /// <summary>A sent e-mail cannot be changed.</summary>
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("E-mail cannot update a sent message.");

    /// <summary>A sent e-mail cannot be deleted.</summary>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("E-mail cannot delete a sent message.");

    private async Task RunBotAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        await bot.OnTurnAsync(turnContext, cancellationToken);
    }
}
