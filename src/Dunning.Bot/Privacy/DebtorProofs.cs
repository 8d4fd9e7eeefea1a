using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Audit;

namespace Dunning.Bot.Privacy;

/// <summary>
/// Replaces a debtor's link token and access code (after a leak, or when a letter went to the wrong address): the old
/// ones bind nothing from then on; chats already bound stay bound. Recorded in the case history and the audit log —
/// without the new secrets.
/// </summary>
public sealed class DebtorProofs(IDebtorStore debtors, ICaseStore cases, IAuditLog audit, TimeProvider clock)
{
    private const int CodeAttempts = 10;

    /// <summary>The debtor with fresh proofs, or null when there is no such debtor.</summary>
    public async Task<Debtor?> RotateAsync(string debtorId, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtorId);
        if (await debtors.FindAsync(debtorId, cancellationToken) is null)
            return null;
        var code = await UnusedAccessCodeAsync(cancellationToken);
        var token = DebtorSecrets.NewLinkToken();
        var rotated = await debtors.UpdateAsync(debtorId, d =>
        {
            d.AccessCode = code;
            d.LinkToken = token;
        }, cancellationToken);
        if (rotated is null)
            return null;
        var now = clock.GetUtcNow();
        await cases.UpdateAsync(debtorId, c => c.Record(new CaseAction(now, CaseActionKinds.ProofsRotated,
            "Link token and access code replaced; the old ones no longer link a chat.", Actor: actor)), cancellationToken);
        await audit.WriteAsync(new AuditEntry(now, actor, "rotate-proofs", $"debtor {debtorId}", null, null) { DebtorId = debtorId }, cancellationToken);
        return rotated;
    }

    private async Task<string> UnusedAccessCodeAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = DebtorSecrets.NewAccessCode();
            if ((await debtors.AccessCodesInUseAsync([code], cancellationToken)).Count == 0)
                return code;
        }
        throw new InvalidOperationException("No unused access code found; the code space is nearly full.");
    }
}
