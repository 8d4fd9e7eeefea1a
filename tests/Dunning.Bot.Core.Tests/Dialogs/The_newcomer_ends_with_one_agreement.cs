using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>
/// A newcomer tries everything in one chat (through MainDialog, as the host runs it): a counter-offer's button, then
/// three instalments, then two — each confirmed. One agreement is in force at the end; the others are history.
/// </summary>
public sealed class The_newcomer_ends_with_one_agreement
{
    [Fact]
    public async Task Thirty_more_days_then_three_instalments_then_two_leave_exactly_one_active_agreement()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);

        var turns = await Transcript.PlayAsync(world.Chat(),
            new Turn("Kann ich bis zum 29.12. zahlen?").Contains("[32 Tage Aufschub, bis 28.12.2026]"),
            new Turn("32 Tage Aufschub, bis 28.12.2026").Contains("Sie zahlen 480,00 € bis zum 28.12.2026.", "Soll ich das so festhalten?"),
            new Turn("Ja").Contains("Einverstanden"),
            new Turn("Kann ich in 3 Raten zahlen?").Contains("3 Raten, insgesamt 480,00 €", "Diese Vereinbarung ersetzt Ihre bisherige vom 20.11.2026."),
            new Turn("Ja").Contains("Einverstanden"),
            new Turn("in 2 Raten").Contains("2 Raten, insgesamt 480,00 €", "Diese Vereinbarung ersetzt Ihre bisherige"),
            new Turn("Ja").Contains("Einverstanden", "• 04.01.2027: 240,00 €"),
            new Turn("Was haben wir vereinbart?").Contains("2 Raten, insgesamt 480,00 €", "Als Nächstes zahlen Sie 240,00 € bis zum 04.12.2026."));

        var active = Assert.Single(world.Agreements.All, a => a.State == AgreementState.Active);
        Assert.Equal((AgreementKind.InstalmentPlan, 2, 480m), (active.Kind, active.Schedule.Count, active.Amount));
        Assert.Equal(2, world.Agreements.All.Count(a => a.State == AgreementState.Superseded));
        Assert.Empty(world.Escalations.All);
        Assert.Equal(8, turns.Count);
    }

    [Fact]
    public async Task A_new_request_while_the_confirmation_is_open_starts_over_and_records_only_what_is_confirmed()
    {
        var world = new CaseWorld("en");
        world.AddInvoice("RE-1", 480m);

        await Transcript.PlayAsync(world.Chat(),
            new Turn("Can I pay in 3 instalments?").Contains("Shall I record it like that?"),
            new Turn("in 2 instalments").Contains("2 instalments, €480.00 in total", "Shall I record it like that?"),
            new Turn("Yes").Contains("Agreed"));

        var active = Assert.Single(world.Agreements.All);
        Assert.Equal((AgreementState.Active, 2), (active.State, active.Schedule.Count));
    }

    [Fact]
    public async Task A_yes_out_of_the_blue_records_nothing()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);

        await Transcript.PlayAsync(world.Chat(), new Turn("Ja").Contains("!Einverstanden"));

        Assert.Empty(world.Agreements.All);
    }
}
