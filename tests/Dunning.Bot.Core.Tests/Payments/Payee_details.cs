using Dunning.Bot.Core.Payments;

namespace Dunning.Bot.Core.Tests.Payments;

/// <summary>The owner's bank account: IBAN checksum, BIC shape, and the start-up check of the Payee section.</summary>
public sealed class Payee_details
{
    [Theory]
    [InlineData("DE89370400440532013000")]
    [InlineData("de89 3704 0044 0532 0130 00")]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("AT611904300234573201")]
    public void A_correct_IBAN_passes_the_mod_97_check(string iban) => Assert.True(Iban.IsValid(iban));

    [Theory]
    [InlineData("DE89370400440532013001")]
    [InlineData("DE88370400440532013000")]
    [InlineData("DE8937040044")]
    [InlineData("9989370400440532013000")]
    [InlineData("DE89-3704-0044-0532-0130-00")]
    [InlineData("")]
    [InlineData(null)]
    public void A_wrong_or_malformed_IBAN_fails(string? iban) => Assert.False(Iban.IsValid(iban));

    [Fact]
    public void An_oversized_IBAN_fails_without_throwing() => Assert.False(Iban.IsValid("DE" + new string('9', 10_000)));

    [Fact]
    public void An_IBAN_prints_in_groups_of_four() => Assert.Equal("DE89 3704 0044 0532 0130 00", Iban.Format("de89370400440532013000"));

    [Theory]
    [InlineData("COBADEFFXXX", true)]
    [InlineData("cobadeff", true)]
    [InlineData("DEUTDEDB101", true)]
    [InlineData("COBADEFF1", false)]
    [InlineData("1OBADEFF", false)]
    [InlineData("COBA-DEFF", false)]
    [InlineData("", false)]
    public void A_BIC_has_8_or_11_characters_of_the_right_kinds(string bic, bool valid) => Assert.Equal(valid, Bic.IsValid(bic));

    [Fact]
    public void Empty_options_are_valid_and_mean_not_configured()
    {
        var options = new PayeeOptions();

        Assert.False(options.IsConfigured);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void The_demo_account_is_valid()
    {
        var options = new PayeeOptions { AccountHolder = "Demo Studio GmbH", Iban = "DE89370400440532013000", Bic = "COBADEFFXXX" };

        Assert.True(new PayeeOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Demo", "DE89370400440532013001", "", "Payee:Iban")]
    [InlineData("Demo", "DE89370400440532013000", "COBADEFF1", "Payee:Bic")]
    [InlineData("", "DE89370400440532013000", "", "Payee:AccountHolder is required")]
    [InlineData("Demo\nStudio", "DE89370400440532013000", "", "control characters")]
    [InlineData("Demo", "", "COBADEFFXXX", "Payee:Iban is empty")]
    public void A_wrong_setting_fails_start_up_naming_the_setting(string holder, string iban, string bic, string expected)
    {
        var result = new PayeeOptionsValidator().Validate(null, new PayeeOptions { AccountHolder = holder, Iban = iban, Bic = bic });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_holder_longer_than_the_GiroCode_name_fails() =>
        Assert.Contains(new PayeeOptions { AccountHolder = new string('A', 71), Iban = "DE89370400440532013000" }.Validate(), p => p.Contains("70 characters", StringComparison.Ordinal));
}
