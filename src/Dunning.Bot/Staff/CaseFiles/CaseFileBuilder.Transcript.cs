using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Staff.CaseFiles;

public sealed partial class CaseFileBuilder
{
    /// <summary>The debtor's latest <see cref="StaffOptions.TranscriptLimit"/> messages over all their conversations, oldest first.</summary>
    private async Task<IReadOnlyList<CaseFileMessage>> TranscriptAsync(string debtorId, CancellationToken cancellationToken) =>
        [.. (await transcripts.ListByDebtorAsync(debtorId, options.Value.TranscriptLimit, cancellationToken))
            .Where(e => e.Type == Conversations.ActivityTypes.Message)
            .Select(e => new CaseFileMessage(e.At, e.ConversationKey, e.Direction.ToString(),
                e.Direction == TranscriptDirection.Inbound ? "debtor" : e.Sender ?? "bot", e.Text) { Buttons = e.Buttons, Attachments = e.Attachments })];
}
