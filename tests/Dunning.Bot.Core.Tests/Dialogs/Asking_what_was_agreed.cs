using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>"What have I agreed?": the agreement in force with the next amount and date, or that there is none (de and en).</summary>
public sealed class Asking_what_was_agreed
{
    private static readonly NegotiationTerms Plan = new(AgreementKind.InstalmentPlan, "EUR",
        [new Instalment(new DateOnly(2026, 12, 4), 160m), new Instalment(new DateOnly(2027, 1, 4), 160m), new Instalment(new DateOnly(2027, 2, 4), 160m)]);

    [Theory]
    [InlineData("de", "Was haben wir vereinbart?", "Sie haben derzeit keine Vereinbarung mit uns.")]
    [InlineData("en", "What did we agree?", "You currently have no arrangement with us.")]
    public async Task Without_an_agreement_the_debtor_hears_there_is_none(string language, string question, string answer)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);

        await Transcript.PlayAsync(world.Chat(), new Turn(question).Contains(answer));
    }

    [Theory]
    [InlineData("de", "Was haben wir vereinbart?", "", "Für die Rechnung RE-1 haben wir am 20.11.2026 vereinbart: 3 Raten, insgesamt 480,00 €, die letzte am 04.02.2027. Als Nächstes zahlen Sie 160,00 € bis zum 04.12.2026.")]
    [InlineData("en", "What did we agree?", "", "For invoice RE-1 we agreed on 20 November 2026: 3 instalments, €480.00 in total, the last one on 4 February 2027. Next you pay €160.00 by 4 December 2026.")]
    [InlineData("de", "Wann ist die nächste Rate fällig?", "2026-12-03=200", "Als Nächstes zahlen Sie 120,00 € bis zum 04.01.2027.")]
    [InlineData("en", "When is my next instalment due?", "2026-12-03=100", "A payment of €60.00 was due on 4 December 2026 and is still open.")]
    [InlineData("en", "What did we agree?", "2026-12-03=480", "Everything for it has been paid – thank you!")]
    public async Task The_agreement_in_force_is_stated_with_the_next_amount_and_date(string language, string question, string payment, string answer)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);
        await world.AgreementDesk.AgreeAsync(world.Debtor, Plan, ["RE-1"], promise: false, CancellationToken.None);
        if (payment.Length > 0)
        {
            var on = DateOnly.Parse(payment.Split('=')[0], System.Globalization.CultureInfo.InvariantCulture);
            world.ChangeInvoice("RE-1", i => i.RecordPayment(new Payment(on, decimal.Parse(payment.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture), "bank")));
            world.Clock.SetUtcNow(new DateTimeOffset(on.AddDays(2).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(1)));
        }

        await Transcript.PlayAsync(world.Chat(), new Turn(question).Contains(answer));
    }

    [Fact]
    public async Task A_superseded_agreement_is_not_what_is_in_force()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        await world.AgreementDesk.AgreeAsync(world.Debtor, Plan, ["RE-1"], promise: false, CancellationToken.None);
        await world.AgreementDesk.AgreeAsync(world.Debtor, new(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2026, 12, 15), 480m)]),
            ["RE-1"], promise: true, CancellationToken.None);

        await Transcript.PlayAsync(world.Chat(), new Turn("Was haben wir vereinbart?").Contains("vereinbart: 480,00 € bis zum 15.12.2026.", "!Raten", "!Als Nächstes"));
    }
}
