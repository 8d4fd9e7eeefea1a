using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>A promise over two open invoices: stated and recorded for both, worded in the plural, covering their whole claim.</summary>
public sealed class Agreements_over_several_invoices
{
    [Theory]
    [InlineData("de", "Ich zahle am 15.12.", "Ihre Zahlungszusage zu den Rechnungen RE-1, RE-2 im Überblick:", "Ja", "Vielen Dank, ich habe Ihre Zahlungszusage zu den Rechnungen RE-1, RE-2 festgehalten.")]
    [InlineData("en", "I will pay on 15 December", "Your promise for invoices RE-1, RE-2 at a glance:", "Yes", "Thank you, I have noted your promise for invoices RE-1, RE-2.")]
    public async Task A_promise_covers_every_open_invoice_and_says_so(string language, string promise, string stated, string yes, string recorded)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);
        world.AddInvoice("RE-2", 120m);

        await Transcript.PlayAsync(world.Talk(world.Negotiation(), promise),
            new Turn(promise).Contains(stated),
            new Turn(yes).Contains(recorded));

        var agreement = Assert.Single(world.Agreements.All);
        Assert.Equal(["RE-1", "RE-2"], agreement.InvoiceNumbers);
        Assert.Equal(600m, agreement.Amount);
        Assert.All(new[] { "RE-1", "RE-2" }, n => Assert.Equal($"agreement {agreement.Id}", world.StoredInvoice(n).Pause!.Reason));
    }
}
