using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Staff.Pages;

public sealed partial class ConversationModel
{
    private static Task<IReadOnlyList<TranscriptLine>> TranscriptAsync(ConversationLink link, CancellationToken cancellationToken)
    {
        _ = (link, cancellationToken);
        return Task.FromResult<IReadOnlyList<TranscriptLine>>([]);
    }
}
