using System.Collections.Concurrent;
using System.Text;
using Dunning.Bot.Conversations;
using QRCoder;

namespace Dunning.Bot.Core.Payments;

public sealed partial class GiroCode
{
    /// <summary>The attachment name of the QR image.</summary>
    public const string FileName = "girocode.png";

    /// <summary>
    /// How many rendered images <see cref="ToAttachment"/> keeps (a few KB each). The image is a pure function of the
    /// payload, so an entry never goes stale: a payment changes the amount, hence the payload, hence the key.
    /// </summary>
    internal const int CachedImages = 1024;

    private const string DataUriPrefix = "data:image/png;base64,";

    private static readonly ConcurrentDictionary<(string Payload, int PixelsPerModule), string> DataUris = new();

    /// <summary>The QR symbol of <see cref="Payload"/>: UTF-8 bytes in byte mode, ECC level M (as EPC069-12 requires).</summary>
    public QRCodeData ToQrData() => new QRCodeGenerator().CreateQrCode(Encoding.UTF8.GetBytes(Payload), QRCodeGenerator.ECCLevel.M);

    /// <summary>A PNG of the QR code with its quiet zone; <paramref name="pixelsPerModule"/> sets the size.</summary>
    public byte[] ToPng(int pixelsPerModule = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var data = ToQrData();
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule, drawQuietZones: true);
    }

    /// <summary>
    /// The PNG as an image attachment with a <c>data:</c> URI, named <see cref="FileName"/>. The same payload and size
    /// give the same (remembered) image, so a debtor asking again costs no new rendering.
    /// </summary>
    public Attachment ToAttachment(int pixelsPerModule = 6) => new()
    {
        ContentType = "image/png",
        ContentUrl = DataUri(pixelsPerModule),
        Name = FileName,
    };

    private string DataUri(int pixelsPerModule)
    {
        var key = (Payload, pixelsPerModule);
        if (DataUris.TryGetValue(key, out var known))
            return known;
        var uri = DataUriPrefix + Convert.ToBase64String(ToPng(pixelsPerModule));
        // Bounded without bookkeeping per hit: when full, start over (the images are cheap to render again).
        if (DataUris.Count >= CachedImages)
            DataUris.Clear();
        DataUris[key] = uri;
        return uri;
    }
}
