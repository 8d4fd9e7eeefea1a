using System.Text;

namespace Dunning.Bot.Uploads;

/// <summary>
/// Tells PDF, PNG, JPEG and HEIC apart by their content (magic bytes and a little structure), never by the file name or
/// the type a client declared. Anything else — HTML, scripts, executables, archives, SVG — is none of them.
/// </summary>
public static class FileSniffer
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly string[] HeicBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"];
    private static readonly string[] HeifBrands = ["mif1", "msf1"];

    /// <summary>The kind the content is, or null when it is none of the accepted kinds.</summary>
    public static FileKind? Sniff(ReadOnlySpan<byte> content)
    {
        if (IsPdf(content))
            return FileKind.Pdf;
        if (content.Length > 16 && content.StartsWith(PngSignature) && content.Slice(12, 4).SequenceEqual("IHDR"u8))
            return FileKind.Png;
        // SOI, then the first marker segment (APPn, DQT, SOF, DHT, COM): FF D8 FF xx.
        if (content.Length > 4 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF && content[3] is >= 0xC0 and not 0xFF)
            return FileKind.Jpeg;
        if (IsHeic(content))
            return FileKind.Heic;
        return null;
    }

    /// <summary>
    /// The kind the file's name or declared type claims, when it claims an accepted one (a "fake PDF" claims
    /// <see cref="FileKind.Pdf"/>): used only to tell a disguised file from a plainly wrong one.
    /// </summary>
    public static FileKind? Claimed(string? name, string? declaredType)
    {
        var extension = Path.GetExtension(name ?? string.Empty).ToLowerInvariant();
        var type = (declaredType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        return extension switch
        {
            ".pdf" => FileKind.Pdf,
            ".png" => FileKind.Png,
            ".jpg" or ".jpeg" or ".jfif" => FileKind.Jpeg,
            ".heic" or ".heif" => FileKind.Heic,
            _ => type switch
            {
                "application/pdf" => FileKind.Pdf,
                "image/png" => FileKind.Png,
                "image/jpeg" or "image/jpg" or "image/pjpeg" => FileKind.Jpeg,
                "image/heic" or "image/heif" => FileKind.Heic,
                _ => null,
            },
        };
    }

    /// <summary>"%PDF-1.x" at the very start and "%%EOF" in the last kilobyte: a header pasted onto other content is no PDF.</summary>
    private static bool IsPdf(ReadOnlySpan<byte> content)
    {
        if (content.Length < 16 || !content.StartsWith("%PDF-"u8) || !char.IsAsciiDigit((char)content[5]))
            return false;
        var tail = content[Math.Max(0, content.Length - 1024)..];
        return tail.IndexOf("%%EOF"u8) >= 0;
    }

    /// <summary>An ISO base media file (size, "ftyp") whose major or compatible brand is HEIC (HEVC in HEIF).</summary>
    private static bool IsHeic(ReadOnlySpan<byte> content)
    {
        if (content.Length < 16 || !content.Slice(4, 4).SequenceEqual("ftyp"u8))
            return false;
        var boxSize = (int)Math.Min(content.Length, (uint)(content[0] << 24 | content[1] << 16 | content[2] << 8 | content[3]));
        if (boxSize < 16)
            return false;
        var major = Encoding.ASCII.GetString(content.Slice(8, 4));
        if (HeicBrands.Contains(major, StringComparer.Ordinal))
            return true;
        if (!HeifBrands.Contains(major, StringComparer.Ordinal))
            return false;
        for (var offset = 16; offset + 4 <= boxSize; offset += 4)
        {
            if (HeicBrands.Contains(Encoding.ASCII.GetString(content.Slice(offset, 4)), StringComparer.Ordinal))
                return true;
        }
        return false;
    }
}
