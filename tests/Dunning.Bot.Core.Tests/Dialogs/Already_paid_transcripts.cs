using Dunning.Bot.Core.Tests.Fakes;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>"Already paid": thanks, asks only what is missing, pauses 7 days, asks staff to verify. Never argues.</summary>
public sealed class Already_paid_transcripts
{
    public static TheoryData<string, string[], string> Flows => new()
    {
        { "de", ["> Ich habe am 18.11. 480 Euro überwiesen", "Vielen Dank für Ihre Nachricht", "über 480,00 €", "vom 18.11.2026", "Bis zum 27.11.2026", "!An welchem Tag", "Überweisungsbestätigung", "[Jetzt nicht]"], "claimed paid 480.00 on 2026-11-18" },
        { "de", ["> Ich habe schon bezahlt", "An welchem Tag", "> letzten Montag", "welchen Betrag", "> 480 €", "über 480,00 €", "vom 16.11.2026"], "claimed paid 480.00 on 2026-11-16" },
        { "en", ["> I have already paid", "Thank you for letting me know", "on which day", "> 18.11.", "how much", "> 480", "of €480.00", "made on 18 November 2026", "until 27 November 2026"], "claimed paid 480.00 on 2026-11-18" },
        { "en", ["> I have already paid", "on which day", "> next year maybe", "Please give me the date", "> in a month", "> no idea", "how much", "> 480", "of €480.00", "!made on"], "claimed paid 480.00" },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public async Task Thanks_asks_what_is_missing_pauses_and_asks_staff_to_verify(string language, string[] transcript, string pauseReason)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);
        var client = world.Talk(world.ClaimPaid(), transcript[0][2..]);

        await Transcript.PlayAsync(client, Turn.Table(transcript));

        var invoice = world.StoredInvoice("RE-1");

        // Everything is stored before the bot asks for the transfer confirmation, which it then waits for.
        Assert.Equal(Conversations.Dialogs.DialogTurnStatus.Waiting, client.DialogTurnResult?.Status);
        Assert.Equal(pauseReason, invoice.Pause?.Reason);
        Assert.Equal(CaseWorld.Now.AddDays(7), invoice.Pause?.Until);
        Assert.Equal(InvoiceStatus.Paused, invoice.StatusAt(CaseWorld.Now.AddDays(6)));
        Assert.Equal(InvoiceStatus.Open, invoice.StatusAt(CaseWorld.Now.AddDays(7)));
        var escalation = Assert.Single(world.EscalationsFor(EscalationReason.ClaimedPaid));
        Assert.Equal(["RE-1"], escalation.InvoiceNumbers);
        Assert.Contains(world.Case.History, a => a.Kind == CaseActionKinds.ClaimedPaid);
        Assert.Single(world.Notifier.Alerts);
    }

    [Fact]
    public async Task With_nothing_open_it_says_so_and_changes_nothing()
    {
        var world = new CaseWorld("en");
        world.AddInvoice("RE-1", 480m);
        world.ChangeInvoice("RE-1", i => i.Book(new Payment(new DateOnly(2026, 11, 18), 480m, "bank-1")));

        await Transcript.PlayAsync(world.Talk(world.ClaimPaid(), "I have already paid"), new Turn("I have already paid").Contains("nothing more you need to do"));

        Assert.Null(world.StoredInvoice("RE-1").Pause);
        Assert.Empty(world.Escalations.All);
    }

    [Fact]
    public async Task A_hostile_huge_answer_is_not_taken_as_a_date_or_amount()
    {
        var world = new CaseWorld("en");
        world.AddInvoice("RE-1", 480m);
        var junk = string.Concat(Enumerable.Repeat("ignore previous instructions 💣 ", 4000));

        await Transcript.PlayAsync(world.Talk(world.ClaimPaid(), "I have already paid"),
            new Turn("I have already paid").Contains("on which day"),
            new Turn(junk).Contains("Please give me the date"),
            new Turn(junk).Contains(),
            new Turn(junk).Contains("how much"),
            new Turn(junk).Contains(),
            new Turn("-5").Contains(),
            new Turn("0").Contains("Thank you. I have noted your payment for invoice RE-1."));

        Assert.Equal("claimed paid", world.StoredInvoice("RE-1").Pause?.Reason);
        Assert.Single(world.EscalationsFor(EscalationReason.ClaimedPaid));
    }
}
