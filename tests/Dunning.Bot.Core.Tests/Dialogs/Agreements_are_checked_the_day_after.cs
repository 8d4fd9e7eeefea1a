using Dunning.Bot.Core.Tests.Fakes;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>Promises and plans checked the day after: kept, broken, pending; the second break goes to a person.</summary>
public sealed class Agreements_are_checked_the_day_after
{
    private static readonly DateOnly Made = new(2026, 11, 20);

    /// <summary>Payments as "yyyy-MM-dd=amount"; a plan of 3 × 160 € due 4 Dec, 4 Jan, 4 Feb, made on 20 Nov.</summary>
    [Theory]
    [InlineData("", "2026-12-04", FollowUpStatus.Pending, 0, 0, "2026-12-05")]
    [InlineData("", "2026-12-05", FollowUpStatus.Broken, 1, 160, "2027-01-05")]
    [InlineData("2026-12-03=160", "2026-12-05", FollowUpStatus.Pending, 0, 0, "2027-01-05")]
    [InlineData("2026-12-05=160", "2026-12-05", FollowUpStatus.Pending, 0, 0, "2027-01-05")]
    [InlineData("2026-12-03=100", "2026-12-05", FollowUpStatus.Broken, 1, 60, "2027-01-05")]
    [InlineData("2026-11-19=100", "2026-12-05", FollowUpStatus.Broken, 1, 160, "2027-01-05")]
    [InlineData("2026-12-03=160", "2027-01-05", FollowUpStatus.Broken, 1, 160, "2027-02-05")]
    [InlineData("", "2027-02-05", FollowUpStatus.Broken, 3, 480, "")]
    [InlineData("2026-12-03=480", "2026-12-05", FollowUpStatus.Kept, 0, 0, "")]
    [InlineData("2026-12-03=200;2027-01-02=280", "2027-01-05", FollowUpStatus.Kept, 0, 0, "")]
    public void A_plan_is_kept_broken_or_pending_by_the_payments_received_since_it_was_made(
        string payments, string today, FollowUpStatus status, int missed, decimal shortfall, string nextCheck)
    {
        var invoice = Invoice.Create("RE-1", "D-1", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), "EUR", 600m);
        foreach (var payment in payments.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (date, amount) = (payment.Split('=')[0], payment.Split('=')[1]);
            invoice.Book(new Payment(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), date));
        }

        var result = AgreementFollowUp.Evaluate(Plan(), [invoice], DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new FollowUpResult(status, missed, shortfall, nextCheck == "" ? null : DateOnly.Parse(nextCheck, System.Globalization.CultureInfo.InvariantCulture)), result);
    }

    [Fact]
    public void Invoices_paid_in_full_keep_the_agreement_whatever_the_schedule()
    {
        var invoice = Invoice.Create("RE-1", "D-1", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), "EUR", 480m);
        invoice.Book(new Payment(new DateOnly(2026, 11, 19), 480m, "early"));

        Assert.Equal(FollowUpStatus.Kept, AgreementFollowUp.Evaluate(Plan(), [invoice], new DateOnly(2027, 3, 1)).Status);
    }

    [Fact]
    public void A_break_already_counted_or_an_agreement_no_longer_running_is_nothing_new()
    {
        var plan = Plan();
        var broken = new FollowUpResult(FollowUpStatus.Broken, 1, 160m, new DateOnly(2027, 1, 5));
        Assert.Equal(FollowUpAction.Reminded, AgreementFollowUp.Consider(plan, broken, 0)?.Action);

        plan.Breaks = 1;
        Assert.Null(AgreementFollowUp.Consider(plan, broken, 0));
        Assert.Null(AgreementFollowUp.Consider(plan, new FollowUpResult(FollowUpStatus.Pending, 0, 0m, new DateOnly(2027, 1, 5)), 0));
        plan.MarkKept();
        Assert.Null(AgreementFollowUp.Consider(plan, new FollowUpResult(FollowUpStatus.Kept, 0, 0m, null), 0));
    }

    [Theory]
    [InlineData(1, true, 0, FollowUpAction.Reminded, false)]
    [InlineData(1, false, 0, FollowUpAction.Reminded, true)]
    [InlineData(1, true, 1, FollowUpAction.Escalated, true)]
    [InlineData(2, true, 0, FollowUpAction.Escalated, true)]
    public void A_break_reminds_first_ends_when_nothing_more_is_to_come_and_escalates_and_ends_the_second_time(
        int missed, bool moreToCome, int earlierBreaks, FollowUpAction action, bool ends)
    {
        var result = new FollowUpResult(FollowUpStatus.Broken, missed, 160m * missed, moreToCome ? new DateOnly(2027, 2, 5) : null);

        var outcome = AgreementFollowUp.Consider(Plan(), result, earlierBreaks);

        Assert.Equal(new FollowUpOutcome(action, missed, ends, $"Agreement A-1 broken: {missed} payment(s) missed, {160 * missed}.00 EUR short"), outcome);
    }

    [Fact]
    public async Task The_first_missed_instalment_is_counted_and_the_second_escalates_once()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        var plan = await world.AgreementDesk.AgreeAsync(world.Debtor, Terms(), ["RE-1"], promise: false, CancellationToken.None);

        var (_, first) = await world.FollowUp.ConsiderAsync(plan, [world.StoredInvoice("RE-1")], new DateOnly(2026, 12, 5), CancellationToken.None);
        Assert.Equal(FollowUpAction.Reminded, first!.Action);
        await world.FollowUp.ApplyAsync(plan, first, CancellationToken.None);
        await world.FollowUp.ApplyAsync(plan, first, CancellationToken.None);
        Assert.Equal((AgreementState.Active, 1), (plan.State, plan.Breaks));
        Assert.NotNull(world.StoredInvoice("RE-1").Pause);
        Assert.Empty(world.Escalations.All);
        Assert.Null((await world.FollowUp.ConsiderAsync(plan, [world.StoredInvoice("RE-1")], new DateOnly(2026, 12, 6), CancellationToken.None)).Outcome);

        var (_, second) = await world.FollowUp.ConsiderAsync(plan, [world.StoredInvoice("RE-1")], new DateOnly(2027, 1, 5), CancellationToken.None);
        Assert.Equal(FollowUpAction.Escalated, second!.Action);
        await world.FollowUp.ApplyAsync(plan, second, CancellationToken.None);
        Assert.Equal((AgreementState.Broken, 2), (plan.State, plan.Breaks));
        Assert.Single(world.EscalationsFor(EscalationReason.BrokenPromise));
        Assert.Null(world.StoredInvoice("RE-1").Pause);
    }

    [Fact]
    public async Task A_second_broken_promise_for_the_same_invoice_escalates()
    {
        var world = new CaseWorld("en");
        world.AddInvoice("RE-1", 480m);
        var firstPromise = await world.AgreementDesk.AgreeAsync(world.Debtor, Promise(new DateOnly(2026, 11, 27)), ["RE-1"], promise: true, CancellationToken.None);

        var (_, first) = await world.FollowUp.ConsiderAsync(firstPromise, [world.StoredInvoice("RE-1")], new DateOnly(2026, 11, 28), CancellationToken.None);
        Assert.Equal((FollowUpAction.Reminded, true), (first!.Action, first.Ends));
        await world.FollowUp.ApplyAsync(firstPromise, first, CancellationToken.None);
        Assert.Equal(AgreementState.Broken, firstPromise.State);
        Assert.Null(world.StoredInvoice("RE-1").Pause);
        Assert.Empty(world.Escalations.All);

        var secondPromise = await world.AgreementDesk.AgreeAsync(world.Debtor, Promise(new DateOnly(2026, 12, 4)), ["RE-1"], promise: true, CancellationToken.None);
        var (_, second) = await world.FollowUp.ConsiderAsync(secondPromise, [world.StoredInvoice("RE-1")], new DateOnly(2026, 12, 5), CancellationToken.None);
        Assert.Equal(FollowUpAction.Escalated, second!.Action);
        await world.FollowUp.ApplyAsync(secondPromise, second, CancellationToken.None);
        Assert.Single(world.EscalationsFor(EscalationReason.BrokenPromise));
    }

    [Fact]
    public async Task The_owner_hears_of_a_broken_agreement_once_even_after_resolving_the_escalation()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        var plan = await world.AgreementDesk.AgreeAsync(world.Debtor, Terms(), ["RE-1"], promise: false, CancellationToken.None);
        var (_, outcome) = await world.FollowUp.ConsiderAsync(plan, [world.StoredInvoice("RE-1")], new DateOnly(2027, 1, 5), CancellationToken.None);

        await world.FollowUp.EscalateAsync(plan, outcome!, CancellationToken.None);
        var raised = Assert.Single(world.EscalationsFor(EscalationReason.BrokenPromise));
        raised.State = EscalationState.Resolved;
        raised.ClosedAt = world.Clock.GetUtcNow();
        await world.Escalations.SaveAsync(raised, CancellationToken.None);
        await world.FollowUp.ApplyAsync(plan, outcome!, CancellationToken.None);

        Assert.Single(world.EscalationsFor(EscalationReason.BrokenPromise));
        Assert.Equal(AgreementState.Broken, plan.State);
    }

    [Fact]
    public async Task A_kept_promise_is_marked_kept_and_frees_the_invoice()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        var promise = await world.AgreementDesk.AgreeAsync(world.Debtor, Promise(new DateOnly(2026, 11, 27)), ["RE-1"], promise: true, CancellationToken.None);
        Assert.NotNull(world.StoredInvoice("RE-1").Pause);
        world.ChangeInvoice("RE-1", i => i.Book(new Payment(new DateOnly(2026, 11, 26), 480m, "bank")));

        var (_, kept) = await world.FollowUp.ConsiderAsync(promise, [world.StoredInvoice("RE-1")], new DateOnly(2026, 11, 28), CancellationToken.None);
        Assert.Equal(FollowUpAction.Kept, kept!.Action);
        await world.FollowUp.ApplyAsync(promise, kept, CancellationToken.None);

        Assert.Equal(AgreementState.Kept, promise.State);
        Assert.Null(world.StoredInvoice("RE-1").Pause);
        Assert.Null((await world.FollowUp.ConsiderAsync(promise, [world.StoredInvoice("RE-1")], new DateOnly(2026, 11, 29), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_kept_discount_writes_off_the_discount_so_the_claim_is_settled_and_reminders_stay_away()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        var discount = await world.AgreementDesk.AgreeAsync(world.Debtor,
            new NegotiationTerms(AgreementKind.Discount, "EUR", [new Instalment(new DateOnly(2026, 11, 27), 465.60m)], 3m, new DateOnly(2026, 11, 27)),
            ["RE-1"], promise: false, CancellationToken.None);
        world.ChangeInvoice("RE-1", i => i.Book(new Payment(new DateOnly(2026, 11, 20), 465.60m, "bank")));

        var (_, kept) = await world.FollowUp.ConsiderAsync(discount, [world.StoredInvoice("RE-1")], new DateOnly(2026, 11, 28), CancellationToken.None);
        await world.FollowUp.ApplyAsync(discount, kept!, CancellationToken.None);
        await world.FollowUp.ApplyAsync(discount, kept!, CancellationToken.None);

        var invoice = world.StoredInvoice("RE-1");
        var waiver = Assert.Single(invoice.WriteOffs);
        Assert.Equal((14.40m, $"Nachlass laut Vereinbarung {discount.Id}", InvoiceStatus.Paid), (waiver.Amount, waiver.Reason, invoice.StatusAt(CaseWorld.Now)));
    }

    [Fact]
    public async Task A_kept_plan_with_running_interest_leaves_the_interest_owed()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        var promise = await world.AgreementDesk.AgreeAsync(world.Debtor, Promise(new DateOnly(2026, 11, 27)), ["RE-1"], promise: true, CancellationToken.None);
        world.ChangeInvoice("RE-1", i => i.RecordPayment(new Payment(new DateOnly(2026, 11, 20), 480m, "bank")));

        var (_, kept) = await world.FollowUp.ConsiderAsync(promise, [world.StoredInvoice("RE-1")], new DateOnly(2026, 11, 28), CancellationToken.None);
        await world.FollowUp.ApplyAsync(promise, kept!, CancellationToken.None);

        Assert.Empty(world.StoredInvoice("RE-1").WriteOffs);
    }

    private static NegotiationTerms Terms() => new(AgreementKind.InstalmentPlan, "EUR",
        [new Instalment(new DateOnly(2026, 12, 4), 160m), new Instalment(new DateOnly(2027, 1, 4), 160m), new Instalment(new DateOnly(2027, 2, 4), 160m)]);

    private static NegotiationTerms Promise(DateOnly date) => new(AgreementKind.Deferral, "EUR", [new Instalment(date, 480m)]);

    private static PaymentAgreement Plan()
    {
        var plan = Terms().ToAgreement("A-1", "D-1", ["RE-1"], new DateTimeOffset(Made.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(1)));
        plan.Agree(plan.CreatedAt, AgreementDesk.Bot);
        return plan;
    }
}
