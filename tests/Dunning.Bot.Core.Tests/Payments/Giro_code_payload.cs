using System.Text;
using Dunning.Bot.Core.Payments;

namespace Dunning.Bot.Core.Tests.Payments;

/// <summary>The EPC069-12 payload: line structure, limits, cutting rules and refusals.</summary>
public sealed class Giro_code_payload
{
    private const string Iban = "DE89370400440532013000";

    [Fact]
    public void Has_the_eleven_EPC_lines_in_order_with_nothing_after_the_reference()
    {
        var code = GiroCode.Create("Demo Studio GmbH", "de89 3704 0044 0532 0130 00", "cobadeffxxx", 308.23m, "EUR", "RE-2026-0042");

        Assert.Equal("BCD\n002\n1\nSCT\nCOBADEFFXXX\nDemo Studio GmbH\nDE89370400440532013000\nEUR308.23\n\n\nRE-2026-0042", code.Payload);
    }

    [Fact]
    public void Leaves_the_BIC_line_empty_without_a_BIC_as_version_002_allows()
    {
        var lines = GiroCode.Create("Demo Studio GmbH", Iban, null, 10m, "EUR", "RE-1").Payload.Split('\n');

        Assert.Equal(["BCD", "002", "1", "SCT", "", "Demo Studio GmbH", Iban, "EUR10.00", "", "", "RE-1"], lines);
    }

    [Theory]
    [InlineData("0.01", "EUR0.01")]
    [InlineData("12.5", "EUR12.50")]
    [InlineData("1234.56", "EUR1234.56")]
    [InlineData("999999999.99", "EUR999999999.99")]
    public void Writes_the_amount_with_two_decimals_and_a_point(string amount, string expected) =>
        Assert.Equal(expected, GiroCode.Create("A", Iban, null, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "EUR", "R").Payload.Split('\n')[7]);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("0.001")]
    [InlineData("12.345")]
    [InlineData("1000000000")]
    public void Refuses_amounts_outside_the_EPC_range_or_with_fractions_of_a_cent(string amount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GiroCode.Create("A", Iban, null, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "EUR", "R"));

    [Theory]
    [InlineData("CHF")]
    [InlineData("USD")]
    [InlineData("")]
    public void Refuses_every_currency_but_euro(string currency)
    {
        Assert.False(GiroCode.Supports(currency));
        Assert.Throws<ArgumentException>(() => GiroCode.Create("A", Iban, null, 10m, currency, "R"));
    }

    [Theory]
    [InlineData("DE89370400440532013001", null)]
    [InlineData(Iban, "COBA-DEFF")]
    public void Refuses_a_wrong_IBAN_or_BIC(string iban, string? bic) =>
        Assert.Throws<ArgumentException>(() => GiroCode.Create("A", iban, bic, 10m, "EUR", "R"));

    [Fact]
    public void Cuts_the_name_to_70_and_the_reference_to_140_characters()
    {
        var code = GiroCode.Create(new string('N', 100), Iban, null, 10m, "EUR", new string('R', 200));

        Assert.Equal(new string('N', 70), code.Payload.Split('\n')[5]);
        Assert.Equal(new string('R', 140), code.Payload.Split('\n')[10]);
        Assert.Equal(code.Reference, code.Payload.Split('\n')[10]);
    }

    [Fact]
    public void Turns_line_breaks_in_hostile_input_into_spaces_so_no_field_can_be_added()
    {
        var code = GiroCode.Create("Evil\nGmbH\r\nDE00", Iban, null, 10m, "EUR", "RE-1\n\nEUR999999.00\tx");
        var lines = code.Payload.Split('\n');

        Assert.Equal(11, lines.Length);
        Assert.Equal("Evil GmbH DE00", lines[5]);
        Assert.Equal("RE-1 EUR999999.00 x", lines[10]);
        Assert.Equal("EUR10.00", lines[7]);
    }

    [Fact]
    public void Shortens_a_multi_byte_reference_to_fit_331_bytes_without_splitting_a_character()
    {
        var code = GiroCode.Create(new string('N', 70), Iban, "COBADEFFXXX", 999999999.99m, "EUR", string.Concat(Enumerable.Repeat("€", 140)));

        // 14 header + 12 BIC + 71 name + 23 IBAN + 16 amount + 2 empty lines = 138 bytes; 193 left = 64 euro signs of 3 bytes.
        Assert.Equal(new string('€', 64), code.Reference);
        Assert.Equal(330, Encoding.UTF8.GetByteCount(code.Payload));
        Assert.Equal(new string('N', 70), code.Name);
    }

    [Fact]
    public void Shortens_the_name_only_when_no_reference_is_left_and_never_splits_an_emoji()
    {
        var code = GiroCode.Create(string.Concat(Enumerable.Repeat("😀", 70)), Iban, "COBADEFFXXX", 999999999.99m, "EUR", "RE-1");

        // Without a reference the payload ends after the amount: 14 + 12 + 23 + 15 = 64 bytes and the name's line break; 266 left = 66 emoji.
        Assert.Equal("", code.Reference);
        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 66)), code.Name);
        Assert.InRange(Encoding.UTF8.GetByteCount(code.Payload), 0, GiroCode.MaxPayloadBytes);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(code.Payload)));
    }

    [Fact]
    public void Refuses_an_empty_name() =>
        Assert.Throws<ArgumentException>(() => GiroCode.Create(" \n ", Iban, null, 10m, "EUR", "R"));
}
