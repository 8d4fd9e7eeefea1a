using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>
/// A request that goes to a person carries its terms: "ask a colleague" among the counter-offers (typed, pressed, in the
/// host's MainDialog, where "Mitarbeiter" otherwise means "a person, please") stores the request for approval and the
/// escalation names kind, amounts, dates and the proposal.
/// </summary>
public sealed class Requests_travel_to_staff
{
    [Theory]
    [InlineData("de", "Kann ich in 12 Raten zahlen?", "Team fragen", "an unser Team weitergegeben")]
    [InlineData("en", "Can I pay in 12 instalments?", "Ask a colleague", "passed your request on to a colleague")]
    [InlineData("de", "Kann ich in 12 Raten zahlen?", "Ich möchte lieber mit einem Mitarbeiter sprechen", "an unser Team weitergegeben")]
    public async Task Asking_for_a_colleague_after_a_counter_offer_sends_the_request_itself(string language, string request, string ask, string told)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);

        await Transcript.PlayAsync(world.Chat(),
            new Turn(request).Contains(),
            new Turn(ask).Contains(told));

        var proposal = Assert.Single(world.Agreements.All);
        Assert.Equal((AgreementState.AwaitingApproval, AgreementKind.InstalmentPlan, 12, 480m), (proposal.State, proposal.Kind, proposal.Schedule.Count, proposal.Amount));
        var escalation = Assert.Single(world.Escalations.All);
        Assert.Equal(EscalationReason.CounterOfferRefused, escalation.Reason);
        Assert.Contains("InstalmentPlan: 12 instalments, 40.00 EUR by 2026-12-04 … 40.00 EUR by 2027-11-04, total 480.00 EUR", escalation.Detail, StringComparison.Ordinal);
        Assert.EndsWith($"(proposal {proposal.Id})", escalation.Detail, StringComparison.Ordinal);
        Assert.Null(world.StoredInvoice("RE-1").Pause);
    }

    [Fact]
    public async Task With_nothing_to_offer_a_yes_to_shall_I_ask_a_colleague_sends_the_request()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        (world.Limits.MaxDeferralDays, world.Limits.MaxInstalments) = (0, 1);

        await Transcript.PlayAsync(world.Chat(),
            new Turn("Kann ich bis zum 15.12. zahlen?").Contains("Soll ich jemanden aus unserem Team bitten, Ihren Wunsch zu prüfen?"),
            new Turn("Ja").Contains("an unser Team weitergegeben"));

        var proposal = Assert.Single(world.Agreements.All);
        Assert.Equal((AgreementState.AwaitingApproval, AgreementKind.Deferral), (proposal.State, proposal.Kind));
        Assert.Contains("asked for a colleague", Assert.Single(world.Escalations.All).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_the_counter_offers_a_request_for_a_person_is_still_the_interruption_it_always_was()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);

        await Transcript.PlayAsync(world.Chat(),
            new Turn("Kann ich in Raten zahlen?").Contains(),
            new Turn("Ich möchte mit einem Mitarbeiter sprechen").Contains());

        Assert.Empty(world.Agreements.All);
        Assert.Equal(EscalationReason.RequestHuman, Assert.Single(world.Escalations.All).Reason);
    }
}
