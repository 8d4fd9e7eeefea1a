using Dunning.Bot.Core.Domain;
using static Dunning.Bot.Tests.Intake.Importing;

namespace Dunning.Bot.Tests.Intake;

/// <summary>The optional columns for e-mail reminders: contact person, salutation, preferred channel, copy by e-mail.</summary>
public sealed class Contact_and_channel_columns_are_read : IDisposable
{
    private const string Head = "Rechnungsnummer;Kundennummer;Kundenname;Rechnungsdatum;Fälligkeit;Währung;Betrag;E-Mail;Ansprechpartner;Anrede;Kanal;auch per E-Mail";

    private readonly Importing importing = new();

    [Fact]
    public async Task German_headers_fill_the_contact_person_salutation_channel_and_email_copy()
    {
        var result = await importing.ImportAsync(Csv(Head, "RE-1;K1;Holzbau Weber KG;01.11.2026;15.11.2026;EUR;250,00;weber@holzbau.test;Weber;Frau;email;ja"));

        Assert.True(result.Committed);
        var debtor = (await importing.Debtors.FindAsync("K1", CancellationToken.None))!;
        Assert.Equal(("Weber", "Frau", ChannelKind.Email, true), (debtor.ContactPerson, debtor.Salutation, debtor.PreferredChannel, debtor.AlsoByEmail));
    }

    [Theory]
    [InlineData("fax", "ja")]
    [InlineData("email", "vielleicht")]
    public async Task An_unknown_channel_or_a_yes_no_that_is_neither_is_a_row_problem_and_nothing_is_imported(string channel, string copy)
    {
        var result = await importing.ImportAsync(Csv(Head, $"RE-1;K1;Holzbau Weber KG;01.11.2026;15.11.2026;EUR;250,00;weber@holzbau.test;Weber;Frau;{channel};{copy}"));

        Assert.False(result.Committed);
        Assert.Equal(1, result.ProblemCount);
        Assert.Null(await importing.Debtors.FindAsync("K1", CancellationToken.None));
    }

    public void Dispose() => importing.Dispose();
}
