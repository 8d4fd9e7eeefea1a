using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>
/// The bot states the terms and records them only when the debtor says yes; a confirmed agreement supersedes the one in
/// force for the same invoice. Today is Friday 20 November 2026; RE-1 is 480 € (interest off unless a test turns it on).
/// </summary>
public sealed class Confirming_agreements
{
    private static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    [Theory]
    [InlineData("de", "Kann ich bis zum 15.12. zahlen?", "Ja", "Sie zahlen 480,00 € bis zum 15.12.2026.", "Einverstanden, ich habe die Vereinbarung zur Rechnung RE-1 festgehalten.")]
    [InlineData("en", "Can I pay in 3 instalments?", "Yes", "• 4 February 2027: €160.00", "Agreed for invoice RE-1.")]
    public async Task Terms_are_stated_in_full_and_recorded_only_after_yes(string language, string request, string yes, string term, string recorded)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);
        var chat = world.Talk(world.Negotiation(), request);

        var stated = await Transcript.PlayAsync(chat, new Turn(request).Contains(term,
            language == "de" ? "Das ist der gesamte heute offene Betrag." : "This is the whole amount open today.",
            language == "de" ? "Soll ich das so festhalten?" : "Shall I record it like that?", $"[{yes}]", language == "de" ? "[Nein]" : "[No]"));
        Assert.Empty(world.Agreements.All);
        Assert.Null(world.StoredInvoice("RE-1").Pause);

        await Transcript.PlayAsync(chat, new Turn(yes).Contains(recorded, term));

        var agreement = Assert.Single(world.Agreements.All);
        Assert.Equal((AgreementState.Active, "bot", 480m), (agreement.State, agreement.DecidedBy, agreement.Amount));
        Assert.NotNull(world.StoredInvoice("RE-1").Pause);
        Assert.Single(stated);
    }

    [Theory]
    [InlineData("de", "Kann ich bis zum 15.12. zahlen?", "Nein", "ich habe nichts festgehalten")]
    [InlineData("en", "Can I pay in 3 instalments?", "No", "I haven't recorded anything")]
    public async Task Saying_no_records_nothing_and_dunning_goes_on(string language, string request, string no, string answer)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);

        await Transcript.PlayAsync(world.Talk(world.Negotiation(), request),
            new Turn(request).Contains(),
            new Turn(no).Contains(answer));

        Assert.Empty(world.Agreements.All);
        Assert.Null(world.StoredInvoice("RE-1").Pause);
        Assert.DoesNotContain(world.Case.History, a => a.Kind is CaseActionKinds.Agreement or CaseActionKinds.Promise);
    }

    [Fact]
    public async Task Three_answers_that_are_neither_yes_nor_no_record_nothing()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);

        await Transcript.PlayAsync(world.Talk(world.Negotiation(), "Kann ich bis zum 15.12. zahlen?"),
            new Turn("Kann ich bis zum 15.12. zahlen?").Contains(),
            new Turn("vielleicht").Contains("Bitte antworten Sie mit „Ja“"),
            new Turn("<script>alert(1)</script>").Contains("Bitte antworten Sie mit „Ja“"),
            new Turn("hm").Contains("Ich habe nichts festgehalten."));

        Assert.Empty(world.Agreements.All);
    }

    [Theory]
    [InlineData("de", "Kann ich in 3 Raten zahlen?", "Ja", "Diese Vereinbarung ersetzt Ihre bisherige vom 20.11.2026.")]
    [InlineData("en", "Can I pay in 3 instalments?", "Yes", "This replaces your previous arrangement of 20 November 2026.")]
    public async Task A_confirmed_agreement_supersedes_the_active_one_which_stays_in_the_history(string language, string request, string yes, string replaces)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);
        var first = await world.AgreementDesk.AgreeAsync(world.Debtor, new(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2026, 12, 15), 480m)]),
            ["RE-1"], promise: false, CancellationToken.None);

        await Transcript.PlayAsync(world.Talk(world.Negotiation(), request),
            new Turn(request).Contains(replaces),
            new Turn(yes).Contains());

        var old = world.Agreements.All.Single(a => a.Id == first.Id);
        var active = Assert.Single(world.Agreements.All, a => a.State == AgreementState.Active);
        Assert.Equal((AgreementState.Superseded, active.Id), (old.State, old.ReplacedBy));
        Assert.Equal((AgreementKind.InstalmentPlan, 480m), (active.Kind, active.Amount));
        Assert.Equal($"agreement {active.Id}", world.StoredInvoice("RE-1").Pause!.Reason);
        Assert.Contains(world.Case.History, a => a.Summary.Contains($"replaces {first.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_staff_approve_supersedes_the_agreement_in_force()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        var desk = world.AgreementDesk;
        var running = await desk.AgreeAsync(world.Debtor, new(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2026, 12, 15), 480m)]), ["RE-1"], promise: false, CancellationToken.None);
        await desk.ProposeAsync(world.Debtor, new(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2027, 2, 1), 480m)]), ["RE-1"],
            EscalationReason.ApprovalRequired, "deferral beyond the limit", null, CancellationToken.None);
        var request = world.Agreements.All.Single(a => a.State == AgreementState.AwaitingApproval);

        await desk.ApproveAsync(world.Debtor, request, "olga", CancellationToken.None);

        Assert.Equal((AgreementState.Superseded, request.Id), (world.Agreements.All.Single(a => a.Id == running.Id).State, world.Agreements.All.Single(a => a.Id == running.Id).ReplacedBy));
        var active = Assert.Single(world.Agreements.All, a => a.State == AgreementState.Active);
        Assert.Equal((request.Id, "olga"), (active.Id, active.DecidedBy));
        Assert.Equal($"agreement {request.Id}", world.StoredInvoice("RE-1").Pause!.Reason);
    }

    [Fact]
    public async Task A_request_waiting_for_staff_is_cancelled_when_the_debtor_confirms_other_terms_for_the_invoice()
    {
        var world = new CaseWorld("en");
        world.AddInvoice("RE-1", 480m);
        await Transcript.PlayAsync(world.Talk(world.Negotiation(), "Can I pay in 12 instalments?"),
            new Turn("Can I pay in 12 instalments?").Contains(),
            new Turn("Ask a colleague").Contains());
        var waiting = Assert.Single(world.Agreements.All);

        await Transcript.PlayAsync(world.Talk(world.Negotiation(), "Can I pay on 15 December?"),
            new Turn("Can I pay on 15 December?").Contains(),
            new Turn("Yes").Contains());

        var cancelled = world.Agreements.All.Single(a => a.Id == waiting.Id);
        Assert.Equal(AgreementState.Cancelled, cancelled.State);
        Assert.Single(world.Agreements.All, a => a.State == AgreementState.Active);
    }

    [Fact]
    public async Task Terms_are_not_recorded_when_the_claim_changed_before_the_yes()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        var chat = world.Talk(world.Negotiation(), "Kann ich bis zum 15.12. zahlen?");
        await chat.SendActivityAsync("Kann ich bis zum 15.12. zahlen?", CancellationToken.None);
        world.ChangeInvoice("RE-1", i => i.RecordPayment(new Payment(world.Today, 100m, "bank")));

        await Transcript.PlayAsync(chat, new Turn("Ja").Contains("Der offene Betrag hat sich inzwischen geändert", "!Einverstanden"));

        Assert.Empty(world.Agreements.All);
    }

    [Theory]
    [InlineData(true, "Verzugszinsen laufen bis zur vollständigen Zahlung weiter.")]
    [InlineData(false, "Solange Sie sich an die Vereinbarung halten, berechnen wir keine weiteren Zinsen.")]
    public async Task An_agreement_covers_the_whole_open_claim_and_says_whether_interest_keeps_running(bool interestRuns, string sentence)
    {
        var world = new CaseWorld("de");
        world.Interest.Enabled = true;
        world.AgreementOptions.InterestRunsDuringAgreement = interestRuns;
        world.AddInvoice("RE-1", 480m);
        var claim = (await world.Statements.ForDebtorAsync(world.Debtor, CancellationToken.None)).Open.Single().Due;
        Assert.True(claim.Amount > 480m, "interest is part of the open claim");

        await Transcript.PlayAsync(world.Talk(world.Negotiation(), "Kann ich bis zum 15.12. zahlen?"),
            new Turn("Kann ich bis zum 15.12. zahlen?").Contains($"Sie zahlen {claim.Amount.ToString("N2", German)} € bis zum 15.12.2026.", sentence),
            new Turn("Ja").Contains());

        var agreement = Assert.Single(world.Agreements.All);
        Assert.Equal((claim.Amount, interestRuns), (agreement.Amount, agreement.InterestRuns));
    }
}
