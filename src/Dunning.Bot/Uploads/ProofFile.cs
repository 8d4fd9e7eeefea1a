namespace Dunning.Bot.Uploads;

/// <summary>
/// A file kept as proof of payment: whose case, which invoices and escalation, the shown name (cleaned), the content
/// type sniffed from its content (the only type it is ever served as), size, SHA-256, channel and when it arrived.
/// </summary>
public sealed record ProofFile(
    string Id,
    string DebtorId,
    IReadOnlyList<string> InvoiceNumbers,
    string? EscalationId,
    string Name,
    string ContentType,
    long Size,
    string Sha256,
    string Channel,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The sniffed kind (PDF, PNG, JPEG, HEIC).</summary>
    public FileKind Kind => FileKind.ByContentType(ContentType) ?? throw new InvalidOperationException($"Proof {Id} has no accepted content type.");

    /// <summary>The name to save it under: the shown name, ending in the extension of its real kind ("x.pdf.exe" → "x.pdf.exe.pdf").</summary>
    public string DownloadName => Name.EndsWith(Kind.Extension, StringComparison.OrdinalIgnoreCase)
        || (Kind == FileKind.Jpeg && Name.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase))
        ? Name
        : Name + Kind.Extension;
}
