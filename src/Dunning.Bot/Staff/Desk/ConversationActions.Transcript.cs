using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Staff.Desk;

public sealed partial class ConversationActions
{
    /// <summary>The conversation so far as activities, for the handoff event's transcript attachment.</summary>
    private static Task<IReadOnlyList<Activity>> TranscriptAsync(ConversationLink link, CancellationToken cancellationToken)
    {
        _ = (link, cancellationToken);
        return Task.FromResult<IReadOnlyList<Activity>>([]);
    }
}
