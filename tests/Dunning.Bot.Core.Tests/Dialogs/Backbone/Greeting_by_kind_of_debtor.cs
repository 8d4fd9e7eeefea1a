using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>
/// The chat greets a person by name (with their salutation), a business through its contact person, and a business
/// without one never by the firm's name as if it were a person ("Guten Tag, Müller Haustechnik GmbH! Schön, dass Sie sich melden.").
/// </summary>
public sealed class Greeting_by_kind_of_debtor
{
    private const string FirmToken = "firm_token_0123456789abcd";

    public static TheoryData<string, string?, string?, string, string> Debtors => new()
    {
        // kind, salutation, contact person, language, the greeting's first sentence
        { "business", null, null, "de", "Guten Tag! Danke für Ihre Nachricht. Dieser Chat ist jetzt mit dem Kundenkonto von Müller Haustechnik GmbH verbunden." },
        { "business", "Frau", "Weber", "de", "Guten Tag, Frau Weber! Schön, dass Sie sich melden. Ihr Chat ist jetzt mit Ihrem Kundenkonto verbunden." },
        { "business", null, null, "en", "Hello, and thank you for your message. This chat is now linked to the customer account of Müller Haustechnik GmbH." },
        { "business", "Ms", "Weber", "en", "Hello Ms Weber, thank you for getting in touch." },
    };

    [Theory]
    [MemberData(nameof(Debtors))]
    public async Task The_linking_greeting_addresses_a_person_and_never_a_firm(string kind, string? salutation, string? person, string language, string greeting)
    {
        var harness = new ConversationHarness();
        await SeedFirmAsync(harness, kind == "business" ? DebtorKind.Business : DebtorKind.Consumer, salutation, person, language);

        var replies = await harness.JoinAsync(FirmToken, language == "de" ? "de-DE" : "en-GB");

        var text = Assert.Single(replies).Text!;
        Assert.StartsWith(greeting, text, StringComparison.Ordinal);
        if (kind == "business" && person is null)
            Assert.DoesNotContain("Tag, Müller", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_firm_without_a_contact_person_is_greeted_without_a_name_when_it_says_hello()
    {
        var harness = new ConversationHarness();
        await SeedFirmAsync(harness, DebtorKind.Business, null, null, "de");
        await harness.JoinAsync(FirmToken, "de-DE");

        var reply = Assert.Single(await harness.SayAsync("Guten Tag"));

        Assert.Matches("^Guten Tag[!,] ", reply.Text!);
        Assert.DoesNotContain("Müller Haustechnik", reply.Text!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_form_of_address_leaves_out_a_firm_and_names_its_contact_person_or_a_person()
    {
        var catalogue = RepositoryFiles.Catalogue;
        var firm = new Debtor { Id = "F", Name = "Müller Haustechnik GmbH", Kind = DebtorKind.Business, AccessCode = "FIRM2345", LinkToken = FirmToken };

        Assert.Equal("", DebtorAddress.For(catalogue, firm, "de"));
        firm.ContactPerson = "Weber";
        firm.Salutation = "Frau";
        Assert.Equal("Frau Weber", DebtorAddress.For(catalogue, firm, "de"));
        Assert.Equal("Frau Weber", DebtorAddress.For(catalogue, firm, "en"));
        var person = new Debtor { Id = "P", Name = "Erika Mustermann", AccessCode = "ERIK2345", LinkToken = "erika_x_0123456789abcdef" };
        Assert.Equal("Erika Mustermann", DebtorAddress.For(catalogue, person, "de"));
    }

    private static async Task SeedFirmAsync(ConversationHarness harness, DebtorKind kind, string? salutation, string? person, string language)
    {
        await harness.Debtors.SaveAsync(new Debtor
        {
            Id = "F-1", Name = "Müller Haustechnik GmbH", Kind = kind, Salutation = salutation, ContactPerson = person, Language = language,
            AccessCode = "FIRM2345", LinkToken = FirmToken,
        }, CancellationToken.None);
        await harness.Invoices.SaveAsync(Invoice.Create("RE-2026-0077", "F-1", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 15), "EUR", 500m), CancellationToken.None);
    }
}
