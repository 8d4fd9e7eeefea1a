using System.Text;

namespace Dunning.Bot.Tests.Uploads;

/// <summary>Small files of each kind, built by hand from the formats' published headers, and files that only pretend.</summary>
internal static class SampleFiles
{
    /// <summary>A minimal one-page PDF: header, catalog, page, xref, trailer, %%EOF.</summary>
    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj\nxref\n0 4\n0000000000 65535 f \n"
        + "trailer << /Size 4 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n");

    /// <summary>A 1×1 PNG (signature, IHDR, IDAT, IEND).</summary>
    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>The start of a JFIF JPEG (SOI, APP0) and its end marker.</summary>
    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    /// <summary>An iPhone-style HEIC start: an ftyp box with major brand heic, compatible mif1 and heic.</summary>
    public static byte[] Heic { get; } = [0x00, 0x00, 0x00, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'h', (byte)'e', (byte)'i', (byte)'c', 0x00, 0x00, 0x00, 0x00,
        (byte)'m', (byte)'i', (byte)'f', (byte)'1', (byte)'h', (byte)'e', (byte)'i', (byte)'c', 0x00, 0x00, 0x00, 0x08, (byte)'m', (byte)'e', (byte)'t', (byte)'a'];

    /// <summary>HTML with a script, named and declared as a PDF: the classic "fake PDF".</summary>
    public static byte[] FakePdf { get; } = Encoding.ASCII.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>");

    /// <summary>A PDF header pasted in front of a script, without the end of a PDF.</summary>
    public static byte[] PdfHeaderOnly { get; } = Encoding.ASCII.GetBytes("%PDF-1.7\n<script>alert(1)</script>\n");

    /// <summary>A Windows executable's start ("MZ").</summary>
    public static byte[] Executable { get; } = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0xB8, 0x00];

    /// <summary>A ZIP archive's start.</summary>
    public static byte[] Zip { get; } = [(byte)'P', (byte)'K', 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x00, 0x00, 0x00, 0x00];

    /// <summary>A valid PDF padded with a comment to <paramref name="size"/> bytes.</summary>
    public static byte[] PdfOfSize(int size)
    {
        var padding = size - Pdf.Length;
        return [.. Pdf[..9], .. Encoding.ASCII.GetBytes("%" + new string('x', padding - 2) + "\n"), .. Pdf[9..]];
    }
}
