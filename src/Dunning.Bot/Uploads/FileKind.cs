namespace Dunning.Bot.Uploads;

/// <summary>A type of file accepted as proof of payment, as its content shows it (see <see cref="FileSniffer"/>).</summary>
public sealed record FileKind(string Name, string ContentType, string Extension)
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly FileKind Png = new("PNG", "image/png", ".png");
    public static readonly FileKind Jpeg = new("JPEG", "image/jpeg", ".jpg");
    public static readonly FileKind Heic = new("HEIC", "image/heic", ".heic");

    public static IReadOnlyList<FileKind> All { get; } = [Pdf, Png, Jpeg, Heic];

    /// <summary>The kind stored under <paramref name="contentType"/>; null for anything else (never served then).</summary>
    public static FileKind? ByContentType(string? contentType) =>
        All.FirstOrDefault(k => string.Equals(k.ContentType, contentType, StringComparison.Ordinal));
}
