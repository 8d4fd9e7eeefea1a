using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Staff.CaseFiles;

namespace Dunning.Bot.Privacy;

/// <summary>
/// Everything stored about one debtor, for a data subject's request (GDPR Art. 15/20): the debtor with contacts,
/// invoices with their amounts, the case history, agreements, escalations, conversations and transcripts. Built from the
/// case file (the same figures the console shows) plus the conversation links; every export is audited.
/// </summary>
public sealed class DebtorExport(CaseFileBuilder caseFiles, IConversationStore conversations, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The export of <paramref name="debtorId"/>, or null when there is no such debtor.</summary>
    public async Task<DebtorExportFile?> BuildAsync(string debtorId, string actor, CancellationToken cancellationToken)
    {
        var file = await caseFiles.BuildAsync(debtorId, actor, cancellationToken);
        if (file is null)
            return null;
        var links = await conversations.ListByDebtorAsync(debtorId, cancellationToken);
        await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), actor, "export", $"debtor {debtorId}", null, null) { DebtorId = debtorId }, cancellationToken);
        return new DebtorExportFile(file.GeneratedAt, actor, file.Debtor, file.Invoices, file.TotalDue, file.History, file.Agreements, file.Escalations,
            [.. links.Select(l => new DebtorExportConversation(l.Key, l.Channel, l.LinkedAt, l.LastInboundAt, l.Language, l.Handoff.ToString()))],
            file.Transcript);
    }
}

/// <summary>The export document (JSON, camelCase).</summary>
public sealed record DebtorExportFile(DateTimeOffset ExportedAt, string ExportedBy, CaseFileDebtor Debtor, IReadOnlyList<CaseFileInvoice> Invoices,
    IReadOnlyList<CaseFileAmount> TotalDue, IReadOnlyList<CaseFileEvent> Case, IReadOnlyList<CaseFileAgreement> Agreements,
    IReadOnlyList<CaseFileEscalation> Escalations, IReadOnlyList<DebtorExportConversation> Conversations, IReadOnlyList<CaseFileMessage> Transcripts);

/// <summary>One conversation bound to the debtor.</summary>
public sealed record DebtorExportConversation(string Key, string Channel, DateTimeOffset? LinkedAt, DateTimeOffset? LastInboundAt, string Language, string Handoff);
