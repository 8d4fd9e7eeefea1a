using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// Bot Framework Web Chat shows an image attachment as wide as the bubble and cuts it to a fixed height (240 px by
/// default, the bubble up to 480 px wide): a square image such as the GiroCode loses its top and bottom, and a QR code
/// missing its edges does not scan. An inline PNG at least half as high as it is wide therefore gets a
/// <c>thumbnailUrl</c> (which Web Chat shows instead): the same picture, whole and centred on a white 2:1 canvas, as
/// an SVG around the original PNG. <c>contentUrl</c> stays the original image for every other client.
/// </summary>
internal static class WebChatImages
{
    private const string PngPrefix = "data:image/png;base64,";

    /// <summary>The bytes of a PNG signature and its IHDR chunk header, then width and height (big-endian).</summary>
    private const int HeaderBytes = 24;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// <paramref name="attachments"/> with a letterboxed thumbnail added where Web Chat would cut the image; the same list
    /// when nothing needs one. Attachments are copied, never changed (a dialog may send the same one again).
    /// </summary>
    public static List<Attachment>? WholeInWebChat(List<Attachment>? attachments)
    {
        if (attachments is null || !attachments.Any(NeedsThumbnail))
            return attachments;
        return [.. attachments.Select(a => NeedsThumbnail(a) && Letterboxed(a.ContentUrl!) is { } thumbnail ? Copy(a, thumbnail) : a)];
    }

    private static bool NeedsThumbnail(Attachment attachment) =>
        attachment is { ContentType: "image/png", ThumbnailUrl: null, ContentUrl: { } url } && url.StartsWith(PngPrefix, StringComparison.Ordinal);

    /// <summary>A data: URI of an SVG twice as wide as high with the PNG centred, or null when the PNG is already wide enough or unreadable.</summary>
    internal static string? Letterboxed(string pngDataUri)
    {
        if (Size(pngDataUri) is not var (width, height) || height * 2 <= width)
            return null;
        var canvasWidth = height * 2;
        var svg = string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{canvasWidth}\" height=\"{height}\" viewBox=\"0 0 {canvasWidth} {height}\">"
            + $"<rect width=\"{canvasWidth}\" height=\"{height}\" fill=\"#fff\"/>"
            + $"<image x=\"{(canvasWidth - width) / 2}\" y=\"0\" width=\"{width}\" height=\"{height}\" style=\"image-rendering:pixelated\" href=\"{pngDataUri}\"/></svg>");
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>Width and height from the IHDR chunk of a base64 PNG data URI; null when it is not a PNG.</summary>
    internal static (int Width, int Height)? Size(string pngDataUri)
    {
        if (!pngDataUri.StartsWith(PngPrefix, StringComparison.Ordinal))
            return null;
        // 32 base64 characters carry the first 24 bytes.
        var head = pngDataUri.AsSpan(PngPrefix.Length);
        Span<byte> bytes = stackalloc byte[HeaderBytes];
        if (head.Length < 32 || !Convert.TryFromBase64Chars(head[..32], bytes, out var written) || written != HeaderBytes)
            return null;
        if (!bytes[..8].SequenceEqual(PngSignature) || !bytes[12..16].SequenceEqual("IHDR"u8))
            return null;
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes[16..20]);
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes[20..24]);
        return width is > 0 and <= 10_000 && height is > 0 and <= 10_000 ? (width, height) : null;
    }

    private static Attachment Copy(Attachment attachment, string thumbnail) => new()
    {
        ContentType = attachment.ContentType,
        ContentUrl = attachment.ContentUrl,
        Content = attachment.Content,
        Name = attachment.Name,
        ThumbnailUrl = thumbnail,
        AdditionalProperties = attachment.AdditionalProperties,
    };
}
