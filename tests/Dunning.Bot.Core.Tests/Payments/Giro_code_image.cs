using System.Text;
using Dunning.Bot.Core.Payments;

namespace Dunning.Bot.Core.Tests.Payments;

/// <summary>The QR symbol and PNG of a GiroCode: ECC level M, the smallest fitting version, a faithful image.</summary>
public sealed class Giro_code_image
{
    // Byte-mode capacity at error correction level M for QR versions 1..13 (ISO/IEC 18004, table 7);
    // 331 bytes — the EPC limit — is exactly version 13.
    private static readonly int[] CapacityM = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331];

    public static TheoryData<string, string> Payloads => new()
    {
        { "Demo Studio GmbH", "RE-2026-0042" },
        { "Müller & Söhne Fliesenlegerei", "RE-2026-0042, RE-2026-0050, RE-2026-0051" },
        { new string('N', 70), new string('R', 140) },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Uses_the_smallest_QR_version_that_holds_the_UTF8_bytes_at_level_M(string name, string reference)
    {
        var code = GiroCode.Create(name, "DE89370400440532013000", "COBADEFFXXX", 308.23m, "EUR", reference);
        var bytes = Encoding.UTF8.GetByteCount(code.Payload);
        using var data = code.ToQrData();

        Assert.Equal(Array.FindIndex(CapacityM, c => c >= bytes) + 1, data.Version);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Draws_exactly_the_module_matrix_into_the_PNG(string name, string reference)
    {
        var code = GiroCode.Create(name, "DE89370400440532013000", null, 12.5m, "EUR", reference);
        using var data = code.ToQrData();
        var pixels = PngModules.DarkPixels(code.ToPng(pixelsPerModule: 3));
        var size = data.ModuleMatrix.Count;

        Assert.Equal(size * 3, pixels.GetLength(0));
        Assert.Equal(size * 3, pixels.GetLength(1));
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                Assert.Equal(data.ModuleMatrix[row][col], pixels[(row * 3) + 1, (col * 3) + 1]);
            }
        }
    }

    [Fact]
    public void Attaches_the_PNG_as_a_base64_data_URI_named_girocode_png()
    {
        var code = GiroCode.Create("Demo Studio GmbH", "DE89370400440532013000", null, 10m, "EUR", "RE-1");
        var attachment = code.ToAttachment();

        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal("girocode.png", attachment.Name);
        Assert.StartsWith("data:image/png;base64,", attachment.ContentUrl, StringComparison.Ordinal);
        var png = Convert.FromBase64String(attachment.ContentUrl!["data:image/png;base64,".Length..]);
        Assert.True(PngModules.HasSignature(png));
        Assert.Equal(code.ToPng(), png);
    }
}
