using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Audit;

namespace Dunning.Bot.Privacy;

/// <summary>
/// Erases a debtor (GDPR Art. 17) as far as the law allows: see <see cref="IDebtorErasureStore"/> for what is kept.
/// The debtor's web chat logs go first (they are only found through the conversation links the erasure removes), then
/// the rest in one transaction; audited.
/// </summary>
public sealed class DebtorErasure(IDebtorErasureStore storage, IConversationStore conversations, IWebChatStore webChat, IAuditLog audit, TimeProvider clock,
    Uploads.IProofStore proofs)
{
    /// <summary>False when there is no such debtor.</summary>
    public async Task<bool> EraseAsync(string debtorId, string actor, CancellationToken cancellationToken)
    {
        foreach (var link in await conversations.ListByDebtorAsync(debtorId, cancellationToken))
        {
            if (link.Channel == ChannelKind.WebChat && link.Reference.Conversation?.Id is { Length: > 0 } conversationId)
                await webChat.DeleteConversationAsync(conversationId, cancellationToken);
        }
        var now = clock.GetUtcNow();
        if (!await storage.EraseAsync(debtorId, now, actor, cancellationToken))
            return false;
        // The debtor's transfer confirmations (and the files in the database or the uploads folder) go with them.
        await proofs.EraseAsync(debtorId, cancellationToken);
        await audit.WriteAsync(new AuditEntry(now, actor, "erase", $"debtor {debtorId}", null, null) { DebtorId = debtorId }, cancellationToken);
        return true;
    }
}
