using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>
/// The debtor answers a reminder's last offer with "yes": within its validity the terms as stated are recorded through the
/// agreement path; afterwards the debtor is told it lapsed and nothing is recorded. Today is Friday 20 November 2026.
/// </summary>
public sealed class Accepting_the_last_offer
{
    private static readonly NegotiationTerms Discount =
        new(AgreementKind.Discount, "EUR", [new Instalment(new DateOnly(2026, 11, 24), 465.60m)], 3m, new DateOnly(2026, 11, 24));

    private static CaseWorld WorldWithOffer(string language, NegotiationTerms? terms = null)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m, stage: 3);
        world.Cases.UpdateAsync(world.Debtor.Id, c => c.Record(StandingOffer.Record(terms ?? Discount, ["RE-1"], CaseWorld.Now.AddDays(-3), "test")),
            CancellationToken.None).GetAwaiter().GetResult();
        return world;
    }

    private static LastOfferDialog Dialog(CaseWorld world) => new(world.Services, world.AgreementDesk);

    [Theory]
    [InlineData("de", "Ja, das nehme ich", new[] { "> Ja, das nehme ich", "festgehalten", "Sie überweisen 465,60 € bis zum 24.11.2026", "vollständig beglichen" })]
    [InlineData("en", "Yes, I'll take it", new[] { "> Yes, I'll take it", "noted our offer", "You transfer €465.60 by 24 November 2026", "settles the claim" })]
    public async Task A_yes_within_the_validity_records_the_offer_exactly_as_stated(string language, string yes, string[] transcript)
    {
        var world = WorldWithOffer(language);
        Assert.Equal(Intent.Affirm, world.Recognize(yes).Intent);

        await Transcript.PlayAsync(world.Talk(Dialog(world), yes), Turn.Table(transcript));

        var agreement = Assert.Single(world.Agreements.All);
        Assert.Equal((AgreementKind.Discount, AgreementState.Active, 465.60m, 3m), (agreement.Kind, agreement.State, agreement.Amount, agreement.DiscountPercent));
        Assert.Equal([new DateOnly(2026, 11, 24)], agreement.Schedule.Select(i => i.DueDate));
        Assert.Equal(["RE-1"], agreement.InvoiceNumbers);
        Assert.Null(StandingOffer.Latest(world.Case));
    }

    [Fact]
    public async Task Saying_yes_twice_records_it_once()
    {
        var world = WorldWithOffer("de");
        await Transcript.PlayAsync(world.Talk(Dialog(world), "Ja"), new Turn("Ja").Contains("festgehalten"));
        await Transcript.PlayAsync(world.Talk(Dialog(world), "Ja"), new Turn("Ja").Contains("!festgehalten"));
        Assert.Single(world.Agreements.All);
    }

    [Fact]
    public async Task On_its_last_valid_day_the_offer_still_holds()
    {
        var today = new NegotiationTerms(AgreementKind.Discount, "EUR", [new Instalment(new DateOnly(2026, 11, 20), 465.60m)], 3m, new DateOnly(2026, 11, 20));
        var world = WorldWithOffer("de", today);
        await Transcript.PlayAsync(world.Talk(Dialog(world), "Ja"), new Turn("Ja").Contains("bis zum 20.11.2026"));
        Assert.Single(world.Agreements.All);
    }

    [Theory]
    [InlineData("de", "galt bis zum 19.11.2026 und ist inzwischen leider abgelaufen")]
    [InlineData("en", "valid until 19 November 2026 and has lapsed")]
    public async Task A_yes_after_the_valid_until_date_is_told_the_offer_lapsed_and_records_nothing(string language, string lapsed)
    {
        var late = new NegotiationTerms(AgreementKind.Discount, "EUR", [new Instalment(new DateOnly(2026, 11, 19), 465.60m)], 3m, new DateOnly(2026, 11, 19));
        var world = WorldWithOffer(language, late);

        var replies = await Transcript.PlayAsync(world.Talk(Dialog(world), "Ja"), new Turn("Ja").Contains(lapsed));

        Assert.Empty(world.Agreements.All);
        Assert.NotEmpty(replies[0][0].SuggestedActions!.Actions);
        Assert.Equal(1, world.Case.History.Count(a => a.Kind == CaseActionKinds.Offer));
    }

    [Fact]
    public async Task An_accepted_deferral_offer_becomes_a_deferral_agreement()
    {
        var deferral = new NegotiationTerms(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2026, 12, 28), 482.47m)], null, new DateOnly(2026, 11, 24));
        var world = WorldWithOffer("de", deferral);
        await Transcript.PlayAsync(world.Talk(Dialog(world), "Ja, gern"), new Turn("Ja, gern").Contains("Sie zahlen 482,47 € bis zum 28.12.2026"));
        var agreement = Assert.Single(world.Agreements.All);
        Assert.Equal((AgreementKind.Deferral, new DateOnly(2026, 12, 28)), (agreement.Kind, agreement.Schedule[0].DueDate));
    }

    [Fact]
    public async Task An_invoice_paid_or_disputed_since_is_not_agreed_on()
    {
        var world = WorldWithOffer("de");
        world.ChangeInvoice("RE-1", i => i.MarkDisputed("falsche Menge"));
        await Transcript.PlayAsync(world.Talk(Dialog(world), "Ja"), new Turn("Ja").Contains("nichts mehr offen oder sie wird gerade geprüft"));
        Assert.Empty(world.Agreements.All);
    }

    [Fact]
    public async Task Without_an_offer_standing_a_yes_gets_the_usual_answer()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m, stage: 3);
        var replies = await Transcript.PlayAsync(world.Talk(Dialog(world), "Ja"), new Turn("Ja").Contains());
        Assert.Equal(RepositoryFiles.Catalogue.Render("main", "what_else", "de"), replies[0][0].Text);
        Assert.Empty(world.Agreements.All);
    }

    [Fact]
    public async Task A_reminder_after_the_offer_without_a_new_one_withdraws_it()
    {
        var world = WorldWithOffer("de");
        await world.Cases.UpdateAsync(world.Debtor.Id, c => c.Record(new CaseAction(CaseWorld.Now.AddDays(-1), CaseActionKinds.Reminder, "sent", InvoiceNumbers: ["RE-1"])),
            CancellationToken.None);
        await Transcript.PlayAsync(world.Talk(Dialog(world), "Ja"), new Turn("Ja").Contains("!festgehalten"));
        Assert.Empty(world.Agreements.All);
    }
}
