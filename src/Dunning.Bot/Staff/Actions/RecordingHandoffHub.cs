using Dunning.Bot.Conversations;

namespace Dunning.Bot.Staff.Actions;

/// <summary>The default <see cref="IHandoffHub"/>: the latest 100 events in memory (newest last) and a log line each.</summary>
public sealed partial class RecordingHandoffHub(ILogger<RecordingHandoffHub> logger) : IHandoffHub
{
    private const int Kept = 100;
    private readonly Lock gate = new();
    private readonly Queue<Activity> recent = new();

    public IReadOnlyList<Activity> Recent
    {
        get
        {
            lock (gate)
                return [.. recent];
        }
    }

    public Task PublishAsync(Activity handoffEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoffEvent);
        lock (gate)
        {
            recent.Enqueue(handoffEvent);
            while (recent.Count > Kept)
                recent.Dequeue();
        }
        LogEvent(handoffEvent.Name ?? "", handoffEvent.ChannelId ?? "", handoffEvent.Conversation?.Id ?? "", handoffEvent.Attachments?.Count ?? 0);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff event {Name} for {Channel}/{ConversationId} ({Attachments} attachment(s))")]
    private partial void LogEvent(string name, string channel, string conversationId, int attachments);
}
