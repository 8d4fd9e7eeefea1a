using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dunning.Bot.Conversations.Testing;

/// <summary>
/// An in-memory channel for tests and benchmarks: builds user activities for one conversation
/// (<see cref="Conversation"/>), runs them through the normal pipeline, and records what the bot sends,
/// updates and deletes. Thread-safe; proactive <see cref="BotAdapter.ContinueConversationAsync"/> works.
/// </summary>
public class TestAdapter : BotAdapter
{
    private readonly ConcurrentQueue<Activity> _replies = new();
    private readonly ConcurrentQueue<Activity> _sent = new();
    private readonly ConcurrentQueue<Activity> _updated = new();
    private readonly ConcurrentQueue<string> _deleted = new();
    private readonly TimeProvider _timeProvider;
    private long _nextId;

    public TestAdapter(string channelId = "test", TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(logger ?? NullLogger.Instance)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        Conversation = new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.invalid/",
            User = new ChannelAccount("user1", "User1"),
            Bot = new ChannelAccount("bot", "Bot"),
            Conversation = new ConversationAccount("convo1", "personal"),
            Locale = "en-US",
        };
    }

    /// <summary>The conversation user activities are made for; change it to talk in another conversation or locale.</summary>
    public ConversationReference Conversation { get; set; }

    /// <summary>Everything sent so far, in order (not consumed by <see cref="GetNextReply"/>).</summary>
    public IReadOnlyList<Activity> SentActivities => [.. _sent];

    public IReadOnlyList<Activity> UpdatedActivities => [.. _updated];

    public IReadOnlyList<string> DeletedActivityIds => [.. _deleted];

    /// <summary>The oldest reply not yet taken, or null.</summary>
    public Activity? GetNextReply() => _replies.TryDequeue(out var reply) ? reply : null;

    /// <summary>Takes all replies not yet taken.</summary>
    public IReadOnlyList<Activity> TakeReplies()
    {
        var replies = new List<Activity>();
        while (_replies.TryDequeue(out var reply))
            replies.Add(reply);
        return replies;
    }

    /// <summary>A message from the user in <see cref="Conversation"/>, with a fresh id and the current time.</summary>
    public Activity MakeActivity(string? text)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = id,
            Text = text,
            Timestamp = _timeProvider.GetUtcNow(),
            Locale = Conversation.Locale,
        };
        return activity.ApplyConversationReference(Conversation, isIncoming: true);
    }

    /// <summary>Runs a turn for the user saying <paramref name="text"/>.</summary>
    public Task SendTextToBotAsync(string text, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ProcessActivityAsync(MakeActivity(text), callback, cancellationToken);

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            activity.Id ??= "reply-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
            _sent.Enqueue(activity);
            _replies.Enqueue(activity);
            responses[i] = new ResourceResponse(activity.Id);
        }
        return Task.FromResult(responses);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _updated.Enqueue(activity);
        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _deleted.Enqueue(reference.ActivityId ?? string.Empty);
        return Task.CompletedTask;
    }
}
