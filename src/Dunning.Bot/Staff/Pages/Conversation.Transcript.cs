using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Pages;

public sealed partial class ConversationModel
{
    private static readonly string[] ImageEndings = [".png", ".jpg", ".jpeg", ".gif", ".webp"];

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
            lines.AddRange(page.Where(e => e.Type == Conversations.ActivityTypes.Message || e.Text is not null).Select(Line));
            if (page.Count < limit)
                break;
            after = page[^1].At;
        }
        return [.. lines.TakeLast(limit)];
    }

    /// <summary>
    /// One entry as the debtor saw it: the text with its line breaks, the buttons offered, pictures (only <c>data:</c>
    /// images and this host's own addresses; the console's policy loads nothing from elsewhere) and other files by name.
    /// </summary>
    internal static TranscriptLine Line(TranscriptEntry e)
    {
        var images = e.Images.Where(u => u.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) || (u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal))).ToList();
        var files = images.Count == 0 ? e.Attachments : [.. e.Attachments.Where(a => !ImageEndings.Any(end => a.EndsWith(end, StringComparison.OrdinalIgnoreCase)))];
        return new TranscriptLine(e.At, e.Direction == TranscriptDirection.Inbound, e.Direction == TranscriptDirection.Inbound ? null : e.Sender,
            e.Text ?? "", e.Buttons, images, files);
    }
}
