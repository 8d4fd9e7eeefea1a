using System.Text;
using Dunning.Bot.Conversations;
using QRCoder;

namespace Dunning.Bot.Core.Payments;

public sealed partial class GiroCode
{
    /// <summary>The attachment name of the QR image.</summary>
    public const string FileName = "girocode.png";

    /// <summary>The QR symbol of <see cref="Payload"/>: UTF-8 bytes in byte mode, ECC level M (as EPC069-12 requires).</summary>
    public QRCodeData ToQrData() => new QRCodeGenerator().CreateQrCode(Encoding.UTF8.GetBytes(Payload), QRCodeGenerator.ECCLevel.M);

    /// <summary>A PNG of the QR code with its quiet zone; <paramref name="pixelsPerModule"/> sets the size.</summary>
    public byte[] ToPng(int pixelsPerModule = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var data = ToQrData();
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule, drawQuietZones: true);
    }

    /// <summary>The PNG as an image attachment with a <c>data:</c> URI, named <see cref="FileName"/>.</summary>
    public Attachment ToAttachment(int pixelsPerModule = 6) => new()
    {
        ContentType = "image/png",
        ContentUrl = "data:image/png;base64," + Convert.ToBase64String(ToPng(pixelsPerModule)),
        Name = FileName,
    };
}
