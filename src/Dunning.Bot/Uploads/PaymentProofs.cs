using System.Globalization;
using System.Security.Cryptography;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Proofs;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Uploads;

/// <summary>
/// The host's <see cref="IPaymentProofs"/>: reads the turn's <see cref="IncomingFiles"/>, checks count, size and — by
/// content — type of every file first, then keeps them all in the <see cref="IProofStore"/>, records them in the case
/// history and tells staff. A refusal stores nothing; a failure while storing removes what was stored.
/// </summary>
public sealed class PaymentProofs(
    IProofStore store,
    ICaseStore cases,
    IDebtorStore debtors,
    IEscalationStore escalations,
    IOwnerNotifier notifier,
    IOptions<UploadOptions> options,
    TimeProvider clock,
    ILogger<PaymentProofs> logger) : IPaymentProofs
{
    private const int MaxNameLength = 120;

    public int FilesIn(ITurnContext turn) => IncomingFiles.Of(turn).Count;

    public async Task<ProofReceipt> KeepAsync(ITurnContext turn, ProofRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(request);
        var limits = options.Value;
        var files = IncomingFiles.Of(turn);
        if (files.Count == 0)
            return ProofReceipt.Refused(ProofRefusal.Empty);
        if (files.Count > limits.MaxFilesPerMessage)
            return ProofReceipt.Refused(ProofRefusal.TooMany, limits.MaxFilesPerMessage);
        if (await store.CountAsync(request.DebtorId, cancellationToken).ConfigureAwait(false) + files.Count > limits.MaxFilesPerCase)
            return ProofReceipt.Refused(ProofRefusal.TooMany, limits.MaxFilesPerCase);

        var checkedFiles = new List<(IncomingFile File, byte[] Content, FileKind Kind)>(files.Count);
        foreach (var file in files)
        {
            var (content, refusal) = await ReadAsync(file, limits, cancellationToken).ConfigureAwait(false);
            if (refusal is { } refused)
            {
                logger.LogInformation("Proof of payment from {Debtor} refused: {Refusal} ({Type}, {Size} bytes)",
                    request.DebtorId, refused, file.DeclaredType, content?.LongLength ?? file.DeclaredSize);
                return ProofReceipt.Refused(refused, refused == ProofRefusal.TooLarge ? Math.Max(1, limits.MaxFileBytes / (1024 * 1024)) : null);
            }
            checkedFiles.Add((file, content!, FileSniffer.Sniff(content)!));
        }

        var now = clock.GetUtcNow();
        var channel = turn.Activity.ChannelId ?? "unknown";
        var kept = new List<ProofFile>(checkedFiles.Count);
        try
        {
            for (var i = 0; i < checkedFiles.Count; i++)
            {
                var (file, content, kind) = checkedFiles[i];
                var proof = new ProofFile($"P-{now:yyyyMMdd}-{Guid.NewGuid():N}"[..22], request.DebtorId, request.InvoiceNumbers, request.EscalationId,
                    CleanName(file.Name, kind, i + 1), kind.ContentType, content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content)), channel, now);
                await store.SaveAsync(proof, content, cancellationToken).ConfigureAwait(false);
                kept.Add(proof);
            }
        }
        catch
        {
            foreach (var proof in kept)
                await store.DeleteAsync(proof.Id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await TellAsync(request, kept, channel, now, cancellationToken).ConfigureAwait(false);
        return ProofReceipt.Of([.. kept.Select(p => p.Name)]);
    }

    /// <summary>The content, or why it is refused: size (announced or read), emptiness, then the kind its bytes show.</summary>
    private static async Task<(byte[]? Content, ProofRefusal? Refusal)> ReadAsync(IncomingFile file, UploadOptions limits, CancellationToken cancellationToken)
    {
        if (file.DeclaredSize > limits.MaxFileBytes)
            return (null, ProofRefusal.TooLarge);
        var read = await file.ReadAsync(limits.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        if (read.IsTooLarge)
            return (null, ProofRefusal.TooLarge);
        if (read.Content is not { } content)
            return (null, ProofRefusal.Unreadable);
        if (content.Length == 0)
            return (content, ProofRefusal.Empty);
        if (FileSniffer.Sniff(content) is null)
            return (content, FileSniffer.Claimed(file.Name, file.DeclaredType) is null ? ProofRefusal.WrongType : ProofRefusal.Disguised);
        return (content, null);
    }

    private async Task TellAsync(ProofRequest request, List<ProofFile> kept, string channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var summary = $"Proof of payment via {channel}: " + string.Join(", ", kept.Select(p => $"{p.Name} ({p.Kind.Name}, {Size(p.Size)})"));
        await cases.RecordAsync(request.DebtorId, now, CaseActionKinds.ProofOfPayment, summary, request.InvoiceNumbers, "debtor", cancellationToken).ConfigureAwait(false);
        var escalation = request.EscalationId is { } id ? await escalations.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var name = (await debtors.FindAsync(request.DebtorId, cancellationToken).ConfigureAwait(false))?.Name ?? request.DebtorId;
        await notifier.NotifyAsync(new OwnerAlert(request.DebtorId, name, EscalationReason.ClaimedPaid, escalation?.Priority ?? EscalationPriority.Normal,
            summary, escalation?.Id, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The file name without any folder, control or path characters, at most 120 characters; "proof-N.ext" when nothing is left.</summary>
    internal static string CleanName(string? name, FileKind kind, int index)
    {
        var leaf = (name ?? string.Empty).Replace('\\', '/');
        leaf = leaf[(leaf.LastIndexOf('/') + 1)..];
        var clean = new string([.. leaf.Where(c => !char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*')
            && char.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned))]).Trim().Trim('.');
        if (clean.Length > MaxNameLength)
            clean = clean[..MaxNameLength];
        return clean.Length == 0 ? $"proof-{index}{kind.Extension}" : clean;
    }

    internal static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");
}
