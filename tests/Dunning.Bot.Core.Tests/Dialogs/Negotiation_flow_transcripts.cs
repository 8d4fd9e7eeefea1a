using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>Counter-offers taken or refused, promises, missing details asked for, and a dispute in the middle.</summary>
public sealed class Negotiation_flow_transcripts
{
    public static TheoryData<string, string[], AgreementKind, AgreementState, string> Outcomes => new()
    {
        // counter-offer accepted: the button, or the offer's number
        { "de", ["> Kann ich bis zum 29.12. zahlen?", "[32 Tage Aufschub, bis 28.12.2026]", "> 32 Tage Aufschub, bis 28.12.2026", "Soll ich das so festhalten?", "[Ja]", "[Nein]", "> Ja", "Einverstanden", "Sie zahlen 480,00 € bis zum 28.12.2026"], AgreementKind.Deferral, AgreementState.Active, "2026-12-28" },
        { "en", ["> Can I pay on 29 December?", "> 2", "Shall I record it like that?", "> Yes", "2 instalments, €480.00 in total", "• 4 December 2026: €240.00", "• 4 January 2027: €240.00"], AgreementKind.InstalmentPlan, AgreementState.Active, "2026-12-04" },
        // counter-offer refused: "no", or the button; the request goes to staff as asked
        { "de", ["> Kann ich bis zum 29.12. zahlen?", "> Nein", "an unser Team weitergegeben", "bis heute, 17 Uhr"], AgreementKind.Deferral, AgreementState.AwaitingApproval, "2026-12-29" },
        { "en", ["> Can I pay in 7 instalments?", "> Ask a colleague", "passed your request on to a colleague", "by today, 5 pm"], AgreementKind.InstalmentPlan, AgreementState.AwaitingApproval, "2026-12-04" },
        // promises
        { "de", ["> Ich zahle am Freitag", "Sie zahlen 480,00 € bis zum 27.11.2026.", "> Ja", "Vielen Dank, ich habe Ihre Zahlungszusage", "bis zum 27.11.2026"], AgreementKind.Deferral, AgreementState.Active, "2026-11-27" },
        { "en", ["> I will pay on 26 December", "> yes", "Thank you, I have noted your promise", "by 28 December 2026"], AgreementKind.Deferral, AgreementState.Active, "2026-12-28" },
        // missing details are asked for
        { "de", ["> Kann ich in Raten zahlen?", "In wie vielen Raten", "> 3", "> Ja", "3 Raten, insgesamt 480,00 €"], AgreementKind.InstalmentPlan, AgreementState.Active, "2026-12-04" },
        { "en", ["> Can I pay in instalments?", "How many instalments", "> 100 €", "• 4 December 2026: €96.00", "> Yes", "5 instalments, €480.00 in total", "• 4 December 2026: €96.00"], AgreementKind.InstalmentPlan, AgreementState.Active, "2026-12-04" },
        { "en", ["> I need more time", "By when can you pay?", "> yesterday", "from today onwards", "> 15 December", "This is the whole amount open today.", "> Yes", "You pay €480.00 by 15 December 2026"], AgreementKind.Deferral, AgreementState.Active, "2026-12-15" },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task Negotiations_end_in_an_agreement_or_a_proposal_for_staff(string language, string[] transcript, AgreementKind kind, AgreementState state, string firstDue)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);

        await Transcript.PlayAsync(world.Talk(world.Negotiation(), transcript[0][2..]), Turn.Table(transcript));

        var invoice = world.StoredInvoice("RE-1");

        var agreement = Assert.Single(world.Agreements.All);
        Assert.Equal((kind, state), (agreement.Kind, agreement.State));
        Assert.Equal(DateOnly.Parse(firstDue, System.Globalization.CultureInfo.InvariantCulture), agreement.Schedule[0].DueDate);
        Assert.Equal(480m, agreement.Amount);
        if (state == AgreementState.Active)
        {
            var dayAfter = agreement.Schedule[0].DueDate.AddDays(1).ToDateTime(TimeOnly.MinValue);
            Assert.Equal(new DateTimeOffset(dayAfter, TimeSpan.FromHours(1)), world.Case.NextActionAt);
            Assert.Equal(InvoiceStatus.Paused, invoice.StatusAt(CaseWorld.Now.AddDays(1)));
            Assert.Empty(world.Escalations.All);
            var promised = transcript[0].Contains("zahle am", StringComparison.Ordinal) || transcript[0].Contains("will pay", StringComparison.Ordinal);
            Assert.Contains(world.Case.History, a => a.Kind == (promised ? CaseActionKinds.Promise : CaseActionKinds.Agreement));
        }
        else
        {
            Assert.Single(world.EscalationsFor(EscalationReason.CounterOfferRefused));
            Assert.Null(invoice.Pause);
        }
    }

    [Theory]
    [InlineData("de", "Kann ich in Raten zahlen?", "Die Rechnung ist falsch", Intent.Dispute)]
    [InlineData("en", "Can I pay on 29 December?", "I lost my job and cannot pay right now", Intent.Hardship)]
    [InlineData("en", "Can I pay in instalments?", "I want to speak to a person", Intent.RequestHuman)]
    public async Task Changing_the_subject_mid_negotiation_ends_it_with_an_interruption_and_stores_nothing(string language, string request, string change, Intent expected)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);
        var client = world.Talk(world.Negotiation(), request);

        await client.SendActivityAsync(request, CancellationToken.None);
        var replies = await client.SendActivityAsync(change, CancellationToken.None);

        Assert.Empty(replies);
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult?.Status);
        var interruption = Assert.IsType<Interruption>(client.DialogTurnResult?.Result);
        Assert.Equal(expected, interruption.Understanding.Intent);
        Assert.Empty(world.Agreements.All);
        Assert.Empty(world.Escalations.All);
    }

    [Fact]
    public async Task The_dispute_that_interrupted_runs_cleanly_as_MainDialog_would_start_it()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        var negotiation = world.Talk(world.Negotiation(), "Kann ich in Raten zahlen?");
        await negotiation.SendActivityAsync("Kann ich in Raten zahlen?", CancellationToken.None);
        await negotiation.SendActivityAsync("Die Rechnung ist falsch, die Lieferung kam nie bei uns an", CancellationToken.None);
        var interruption = Assert.IsType<Interruption>(negotiation.DialogTurnResult?.Result);

        var dispute = world.Start(world.Dispute(), interruption.Understanding);
        await Transcript.PlayAsync(dispute, new Turn("Die Rechnung ist falsch, die Lieferung kam nie bei uns an").Contains("wörtlich an unser Team"));

        Assert.Equal("Die Rechnung ist falsch, die Lieferung kam nie bei uns an", world.StoredInvoice("RE-1").Dispute);
        Assert.Empty(world.Agreements.All);
    }

    [Fact]
    public async Task Nothing_open_means_nothing_to_negotiate()
    {
        var world = new CaseWorld("en");
        world.AddInvoice("RE-1", 480m);
        world.ChangeInvoice("RE-1", i => i.MarkDisputed("wrong amount"));

        await Transcript.PlayAsync(world.Talk(world.Negotiation(), "Can I pay in 3 instalments?"), new Turn("Can I pay in 3 instalments?").Contains("can't see any open amount"));

        Assert.Empty(world.Agreements.All);
    }
}
