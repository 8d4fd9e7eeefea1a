using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Staff.Desk;

public sealed partial class ConversationActions
{
    /// <summary>The most transcript entries the handoff event carries.</summary>
    private const int HandoffTranscriptLimit = 500;

    /// <summary>The latest part of the conversation as activities, for the handoff event's transcript attachment.</summary>
    private async Task<IReadOnlyList<Activity>> TranscriptAsync(ConversationLink link, CancellationToken cancellationToken)
    {
        var all = new List<TranscriptEntry>();
        DateTimeOffset? after = null;
        while (true)
        {
            var page = await transcripts.ListAsync(link.Key, after, HandoffTranscriptLimit, cancellationToken);
            all.AddRange(page);
            if (page.Count < HandoffTranscriptLimit)
                break;
            after = page[^1].At;
        }
        return [.. all.TakeLast(HandoffTranscriptLimit).Select(e => ToActivity(link, e))];
    }

    private static Activity ToActivity(ConversationLink link, TranscriptEntry entry) => new()
    {
        Type = entry.Type,
        Id = entry.ActivityId,
        Timestamp = entry.At,
        ChannelId = link.Channel,
        Conversation = link.Reference.Conversation,
        Text = entry.Text,
        Name = entry.Name,
        From = entry.Direction == TranscriptDirection.Inbound
            ? new ChannelAccount(link.Reference.User?.Id ?? "user", entry.Sender) { Role = "user" }
            : new ChannelAccount(link.Reference.Bot?.Id ?? "bot", entry.Sender) { Role = "bot" },
    };
}
