using System.Text;
using Dunning.Bot.Uploads;

namespace Dunning.Bot.Tests.Uploads;

/// <summary>The sniffer reads the bytes, not the name or declared type: the four accepted kinds pass, anything pretending fails.</summary>
public sealed class Files_are_told_apart_by_their_content
{
    public static TheoryData<string, byte[], string?> Contents => new()
    {
        { "pdf", SampleFiles.Pdf, "application/pdf" },
        { "png", SampleFiles.Png, "image/png" },
        { "jpeg", SampleFiles.Jpeg, "image/jpeg" },
        { "heic", SampleFiles.Heic, "image/heic" },
        { "heif with heic compatibility", [.. SampleFiles.Heic[..8], .. "mif1"u8.ToArray(), .. SampleFiles.Heic[12..]], "image/heic" },
        { "pdf header on a script", SampleFiles.PdfHeaderOnly, null },
        { "html", SampleFiles.FakePdf, null },
        { "exe", SampleFiles.Executable, null },
        { "zip", SampleFiles.Zip, null },
        { "svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), null },
        { "avif (another ftyp)", [0, 0, 0, 0x14, .. "ftypavif"u8.ToArray(), 0, 0, 0, 0, .. "mif1"u8.ToArray()], null },
        { "png signature only", SampleFiles.Png[..8], null },
        { "jpeg start only", SampleFiles.Jpeg[..3], null },
        { "empty", [], null },
        { "pdf after a byte order mark", [0xEF, 0xBB, 0xBF, .. SampleFiles.Pdf], null },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void The_kind_comes_from_the_bytes(string what, byte[] content, string? expected) =>
        Assert.True(FileSniffer.Sniff(content)?.ContentType == expected, what);

    [Theory]
    [InlineData("beleg.pdf", null, "PDF")]
    [InlineData("scan", "image/jpeg; charset=binary", "JPEG")]
    [InlineData("IMG_0001.HEIC", "application/octet-stream", "HEIC")]
    [InlineData("setup.exe", "application/pdf", "PDF")]
    [InlineData("setup.exe", "application/x-msdownload", null)]
    [InlineData(null, null, null)]
    public void A_name_or_declared_type_only_tells_what_a_file_claims_to_be(string? name, string? type, string? claimed) =>
        Assert.Equal(claimed, FileSniffer.Claimed(name, type)?.Name);

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\x\\Beleg 1.pdf", "Beleg 1.pdf")]
    [InlineData("a\u202Efdp.exe", "afdp.exe")]
    [InlineData("  ...  ", "proof-1.pdf")]
    [InlineData(null, "proof-1.pdf")]
    public void Names_are_cleaned_of_folders_control_and_direction_characters(string? name, string expected) =>
        Assert.Equal(expected, PaymentProofs.CleanName(name, FileKind.Pdf, 1));

    [Fact]
    public void A_file_is_always_downloaded_with_the_extension_of_its_real_kind()
    {
        var proof = new ProofFile("P-1", "D-1", [], null, "rechnung.pdf.exe", "application/pdf", 10, "00", "webchat", DateTimeOffset.UnixEpoch);
        Assert.Equal("rechnung.pdf.exe.pdf", proof.DownloadName);
        Assert.Equal("foto.jpeg", (proof with { Name = "foto.jpeg", ContentType = "image/jpeg" }).DownloadName);
    }
}
