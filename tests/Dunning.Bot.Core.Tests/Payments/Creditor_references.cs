using Dunning.Bot.Core.Payments;

namespace Dunning.Bot.Core.Tests.Payments;

/// <summary>ISO 11649 creditor references: derived from the invoice number, check digits by mod 97-10, printed in groups of four, carried by the GiroCode.</summary>
public sealed class Creditor_references
{
    [Fact]
    public void The_published_example_has_valid_check_digits_and_a_changed_character_does_not()
    {
        // ISO 11649's example: RF18 5390 0754 7034.
        Assert.True(CreditorReference.IsValid("RF18 5390 0754 7034"));
        Assert.True(CreditorReference.IsValid("rf18539007547034"));
        Assert.False(CreditorReference.IsValid("RF18 5390 0754 7035"));
        Assert.False(CreditorReference.IsValid("RF18"));
        Assert.False(CreditorReference.IsValid("XX18539007547034"));
        Assert.Equal("RF18539007547034", CreditorReference.For("539007547034"));
    }

    [Fact]
    public void An_invoice_number_gets_its_letters_and_digits_as_the_body_and_none_when_too_long()
    {
        var rf = CreditorReference.For("RE-2026-0042")!;

        Assert.Matches("^RF[0-9]{2}RE20260042$", rf);
        Assert.True(CreditorReference.IsValid(rf));
        Assert.Equal("RE20260042", CreditorReference.BodyOf(rf));
        Assert.Equal(rf[..4] + " RE20 2600 42", CreditorReference.Format(rf));
        Assert.Null(CreditorReference.For("--"));
        Assert.Null(CreditorReference.For(new string('7', 22)));
    }

    [Fact]
    public void A_GiroCode_for_one_invoice_carries_it_as_the_structured_reference_and_no_text()
    {
        var code = GiroCode.Create("Demo Studio GmbH", "DE89370400440532013000", null, 10m, "EUR", "RE-2026-0042", CreditorReference.For("RE-2026-0042"));

        // The empty unstructured field is the last: nothing follows the last field that has a value.
        Assert.EndsWith("\nEUR10.00\n\n" + CreditorReference.For("RE-2026-0042"), code.Payload, StringComparison.Ordinal);
        Assert.Equal(("", CreditorReference.For("RE-2026-0042")), (code.Reference, code.CreditorReference));
        Assert.Throws<ArgumentException>(() => GiroCode.Create("Demo", "DE89370400440532013000", null, 10m, "EUR", "x", "RF00RE20260042"));
    }

    [Fact]
    public void Several_invoices_have_no_creditor_reference()
    {
        Assert.Null(RemittanceReference.CreditorFor(["RE-1", "RE-2"]));
        Assert.Equal(CreditorReference.For("RE-1"), RemittanceReference.CreditorFor(["RE-1"]));
    }
}
