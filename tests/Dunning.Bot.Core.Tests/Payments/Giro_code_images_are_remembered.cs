using Dunning.Bot.Core.Payments;

namespace Dunning.Bot.Core.Tests.Payments;

/// <summary>Rendered GiroCode images are reused for the same transfer only: any change to the transfer renders anew.</summary>
public sealed class Giro_code_images_are_remembered
{
    private const string Iban = "DE89370400440532013000";

    [Fact]
    public void The_same_transfer_gets_the_remembered_image()
    {
        var reference = "RE-" + Guid.NewGuid().ToString("N");
        var first = GiroCode.Create("Demo Studio GmbH", Iban, null, 308.23m, "EUR", reference).ToAttachment();
        var again = GiroCode.Create("Demo Studio GmbH", Iban, null, 308.23m, "EUR", reference).ToAttachment();

        Assert.Same(first.ContentUrl, again.ContentUrl);
    }

    [Fact]
    public void A_payment_that_changes_the_amount_gets_a_new_image_of_the_new_amount()
    {
        var reference = "RE-" + Guid.NewGuid().ToString("N");
        var before = GiroCode.Create("Demo Studio GmbH", Iban, null, 308.23m, "EUR", reference);
        var beforeImage = before.ToAttachment().ContentUrl;
        var after = GiroCode.Create("Demo Studio GmbH", Iban, null, 108.23m, "EUR", reference);

        var afterImage = after.ToAttachment().ContentUrl;

        Assert.NotEqual(beforeImage, afterImage);
        Assert.Equal(DataUri(after.ToPng()), afterImage);
        Assert.Equal(DataUri(before.ToPng()), before.ToAttachment().ContentUrl);
    }

    [Fact]
    public void Another_reference_payee_or_size_gets_its_own_image()
    {
        var reference = "RE-" + Guid.NewGuid().ToString("N");
        var code = GiroCode.Create("Demo Studio GmbH", Iban, null, 50m, "EUR", reference);
        var images = new[]
        {
            code.ToAttachment().ContentUrl,
            code.ToAttachment(pixelsPerModule: 3).ContentUrl,
            GiroCode.Create("Demo Studio GmbH", Iban, null, 50m, "EUR", reference + "-2").ToAttachment().ContentUrl,
            GiroCode.Create("Other Payee GmbH", Iban, null, 50m, "EUR", reference).ToAttachment().ContentUrl,
            GiroCode.Create("Demo Studio GmbH", "DE02120300000000202051", null, 50m, "EUR", reference).ToAttachment().ContentUrl,
        };

        Assert.Equal(images.Length, images.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(DataUri(code.ToPng(pixelsPerModule: 3)), images[1]);
    }

    [Fact]
    public void Many_different_transfers_stay_correct_past_the_cache_size()
    {
        var prefix = "RE-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var codes = Enumerable.Range(0, GiroCode.CachedImages + 5)
            .Select(n => GiroCode.Create("Demo Studio GmbH", Iban, null, 1m + n, "EUR", prefix + n))
            .ToList();

        var images = codes.Select(c => c.ToAttachment(pixelsPerModule: 1).ContentUrl).ToList();

        Assert.Equal(codes.Count, images.Distinct(StringComparer.Ordinal).Count());
        foreach (var n in new[] { 0, GiroCode.CachedImages - 1, GiroCode.CachedImages + 4 })
            Assert.Equal(DataUri(codes[n].ToPng(pixelsPerModule: 1)), codes[n].ToAttachment(pixelsPerModule: 1).ContentUrl);
    }

    private static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
}
