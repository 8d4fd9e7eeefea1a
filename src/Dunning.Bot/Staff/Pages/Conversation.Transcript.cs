using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Pages;

public sealed partial class ConversationModel
{
    /// <summary>The conversation's messages (the latest <see cref="StaffOptions.TranscriptLimit"/>), oldest first.</summary>
    private static async Task<IReadOnlyList<TranscriptLine>> TranscriptAsync(ITranscriptStore transcripts, IOptions<StaffOptions> options, ConversationLink link,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.TranscriptLimit;
        var lines = new List<TranscriptLine>();
        DateTimeOffset? after = null;
        while (true)
        {
            var page = await transcripts.ListAsync(link.Key, after, limit, cancellationToken);
            lines.AddRange(page.Where(e => e.Type == Conversations.ActivityTypes.Message || e.Text is not null)
                .Select(e => new TranscriptLine(e.At, e.Direction == TranscriptDirection.Inbound,
                    e.Direction == TranscriptDirection.Inbound ? "debtor" : e.Sender ?? "bot", e.Text ?? $"({e.Type} {e.Name})")));
            if (page.Count < limit)
                break;
            after = page[^1].At;
        }
        return [.. lines.TakeLast(limit)];
    }
}
