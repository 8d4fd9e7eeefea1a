using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Core.Tests.Claims;

/// <summary>
/// Worked examples of the claim per invoice, each figure to the cent: when default starts (§286 BGB), interest only from
/// then (§288), the lump sum only after default, payments allocated to costs, interest, principal (§367), overpayment,
/// write-offs and waivers. Rates: base 1.27 % throughout 2026 unless a test adds one.
/// </summary>
public sealed class The_claim_ledger
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Invoice Invoice(decimal total = 1000m, string issue = "2025-12-27", string due = "2026-01-10") =>
        Core.Domain.Invoice.Create("RE-1", "D-1", D(issue), D(due), "EUR", total);

    private static Debtor Debtor(DebtorKind kind) => new() { Id = "D-1", Name = "Muster", Kind = kind, AccessCode = "K7P2QXAB", LinkToken = "tok" };

    private static Claim Claim(ClaimLedger ledger, Invoice invoice, DebtorKind kind, string through, int stage = 0, params string[] reminders) =>
        ledger.Compute(invoice, kind, [.. reminders.Select(D)], stage, D(through));

    [Fact]
    public void A_consumer_who_was_never_reminded_and_had_no_notice_owes_no_interest_however_late()
    {
        var claim = Claim(Ledgers.Ledger(), Invoice(), DebtorKind.Consumer, "2026-12-31");

        Assert.Equal((DefaultReason.None, (DateOnly?)null, 0m, 1000m), (claim.DefaultReason, claim.DefaultSince, claim.Interest.Amount, claim.Open.Amount));
    }

    [Fact]
    public void A_consumer_invoice_with_the_notice_defaults_31_days_after_due_date_and_receipt()
    {
        var invoice = Invoice(issue: "2026-03-01", due: "2026-03-15");
        invoice.DefaultNotice = true;

        // Received 4 Mar (3 days), due 15 Mar: the 30 days run from 16 Mar, default from 15 Apr; 16 days to 30 Apr at 6.27 %:
        // 1000 × 6.27 % × 16/365 = 2.7485 → €2.75.
        var claim = Claim(Ledgers.Ledger(), invoice, DebtorKind.Consumer, "2026-04-30");

        Assert.Equal((DefaultReason.ThirtyDays, D("2026-04-15"), D("2026-03-15"), 2.75m), (claim.DefaultReason, claim.DefaultSince, claim.DefaultReasonDate, claim.Interest.Amount));
    }

    [Fact]
    public void A_business_defaults_after_30_days_without_any_notice()
    {
        var claim = Claim(Ledgers.Ledger(), Invoice(), DebtorKind.Business, "2026-02-28");

        // Due 10 Jan (received 30 Dec): default from 10 Feb; 19 days at 10.27 %: 1000 × 10.27 % × 19/365 = 5.3460 → €5.35.
        Assert.Equal((DefaultReason.ThirtyDays, D("2026-02-10"), 5.35m), (claim.DefaultReason, claim.DefaultSince, claim.Interest.Amount));
    }

    [Fact]
    public void A_reminder_after_the_due_date_starts_default_the_next_day_and_one_before_it_does_not()
    {
        var ledger = Ledgers.Ledger();

        var early = Claim(ledger, Invoice(), DebtorKind.Consumer, "2026-01-31", 1, "2026-01-08");
        var reminded = Claim(ledger, Invoice(), DebtorKind.Consumer, "2026-01-31", 1, "2026-01-13");

        Assert.Equal(DefaultReason.None, early.DefaultReason);
        // 14–31 Jan, 18 days at 6.27 %: 1000 × 6.27 % × 18/365 = 3.0921 → €3.09.
        Assert.Equal((DefaultReason.Reminder, D("2026-01-14"), D("2026-01-13"), 3.09m), (reminded.DefaultReason, reminded.DefaultSince, reminded.DefaultReasonDate, reminded.Interest.Amount));
    }

    [Fact]
    public void A_reminder_nobody_has_fetched_starts_no_default_until_it_arrives()
    {
        var dunningCase = new DunningCase { DebtorId = "D-1" };
        dunningCase.Advance("RE-1", 1);
        dunningCase.Record(new CaseAction(new DateTimeOffset(2026, 1, 13, 9, 0, 0, TimeSpan.FromHours(1)), CaseActionKinds.Reminder,
            $"reminder reminder_friendly sent (attempt 1; {Core.Reminders.ProactiveHistory.AwaitingDelivery})", "webchat", ["RE-1"]));
        var debtor = Debtor(DebtorKind.Consumer);
        var ledger = Ledgers.Ledger();

        var unread = ledger.Compute(Invoice(), debtor, dunningCase, D("2026-01-31"));
        dunningCase.Record(new CaseAction(new DateTimeOffset(2026, 1, 20, 18, 0, 0, TimeSpan.FromHours(1)), CaseActionKinds.Delivered, "fetched", "webchat", ["RE-1"]));
        var read = ledger.Compute(Invoice(), debtor, dunningCase, D("2026-01-31"));

        Assert.Equal((DefaultReason.None, 0m), (unread.DefaultReason, unread.Interest.Amount));
        Assert.Equal((DefaultReason.Reminder, D("2026-01-21"), D("2026-01-20")), (read.DefaultReason, read.DefaultSince, read.DefaultReasonDate));
    }

    [Fact]
    public void An_agreed_calendar_date_starts_default_the_day_after_and_a_base_rate_change_splits_the_period()
    {
        var invoice = Invoice(issue: "2026-06-01", due: "2026-06-15");
        invoice.DueDateAgreed = true;
        var ledger = Ledgers.Ledger(interest: new StatutoryInterestOptions { BaseRates = [new() { ValidFrom = D("2026-07-01"), RatePercent = 2.27m }] });

        // 16–30 Jun at 6.27 %: 1000 × 6.27 % × 15/365 = 2.5767 → €2.58; 1–15 Jul at 7.27 %: × 15/365 = 2.9877 → €2.99.
        var claim = Claim(ledger, invoice, DebtorKind.Consumer, "2026-07-15");

        Assert.Equal((DefaultReason.CalendarDate, D("2026-06-16"), 5.57m), (claim.DefaultReason, claim.DefaultSince, claim.Interest.Amount));
        Assert.Equal([2.58m, 2.99m], claim.InterestPeriods.Select(p => p.Interest.Amount));
    }

    [Fact]
    public void The_lump_sum_is_owed_only_for_a_stage_reached_after_default()
    {
        var ledger = Ledgers.Ledger();

        // Stage 2 (€40 for businesses) on 24 Jan: after the friendly reminder of 13 Jan put the debtor in default, it counts;
        // when stage 2 is the first reminder, it is the one that creates default and costs nothing.
        var afterDefault = Claim(ledger, Invoice(), DebtorKind.Business, "2026-01-31", 2, "2026-01-13", "2026-01-24");
        var creatingDefault = Claim(ledger, Invoice(), DebtorKind.Business, "2026-01-31", 2, "2026-01-24");

        Assert.Equal(40m, afterDefault.Fees.Amount);
        Assert.Equal(0m, creatingDefault.Fees.Amount);
    }

    [Fact]
    public void A_part_payment_goes_to_costs_then_interest_then_principal()
    {
        var invoice = Invoice();
        invoice.RecordPayment(new Payment(D("2026-02-01"), 500m, "bank-1"));

        var claim = Claim(Ledgers.Ledger(), invoice, DebtorKind.Business, "2026-03-10", 2, "2026-01-13", "2026-01-24");

        // Default 14 Jan; interest 14–31 Jan: 1000 × 10.27 % × 18/365 = 5.0646 → €5.06. The €500 of 1 Feb pays the €40
        // lump sum, the €5.06 and €454.94 of the principal (€545.06 left); 1 Feb–10 Mar: 545.06 × 10.27 % × 38/365 =
        // 5.8277 → €5.83. Open: 545.06 + 5.83 = €550.89 = 1000 + 10.89 + 40 − 500.
        var payment = Assert.Single(claim.Entries, e => e.Kind == ClaimEntryKind.Payment);
        Assert.Equal((40m, 5.06m, 454.94m), (payment.ToFees.Amount, payment.ToInterest.Amount, payment.ToPrincipal.Amount));
        Assert.Equal((545.06m, 5.83m, 0m, 550.89m, 10.89m), (claim.OpenPrincipal.Amount, claim.OpenInterest.Amount, claim.OpenFees.Amount, claim.Open.Amount, claim.Interest.Amount));
    }

    [Fact]
    public void With_principal_first_the_same_payment_lowers_the_principal_and_leaves_the_costs()
    {
        var invoice = Invoice();
        invoice.RecordPayment(new Payment(D("2026-02-01"), 500m, "bank-1"));

        var claim = Claim(Ledgers.Ledger(new ClaimOptions { Allocation = ClaimAllocation.PrincipalFirst }), invoice, DebtorKind.Business, "2026-03-10", 2, "2026-01-13", "2026-01-24");

        // 500 × 10.27 % × 38/365 = 5.3460 → €5.35; interest 5.06 + 5.35 = €10.41; open 500 + 10.41 + 40 = €550.41.
        Assert.Equal((500m, 10.41m, 40m, 550.41m), (claim.OpenPrincipal.Amount, claim.OpenInterest.Amount, claim.OpenFees.Amount, claim.Open.Amount));
    }

    [Fact]
    public void Paying_the_principal_alone_leaves_interest_and_costs_open_so_the_invoice_is_not_paid()
    {
        var invoice = Invoice();
        var dunningCase = Reminded("2026-01-13", "2026-01-24");
        var booking = Ledgers.Ledger().BookPayment(invoice, Debtor(DebtorKind.Business), dunningCase, new Payment(D("2026-02-01"), 1000m, "bank-1"), D("2026-02-01"));

        // The €1,000 pays €40 + €5.06 first: €45.06 of principal stays open, and earns interest.
        Assert.Equal((45.06m, false, InvoiceStatus.PartiallyPaid), (booking.Claim.OpenPrincipal.Amount, booking.Claim.IsSettled, invoice.StatusAt(DateTimeOffset.UnixEpoch)));
    }

    [Fact]
    public void Paying_the_open_claim_settles_it_and_paying_more_leaves_a_credit()
    {
        var ledger = Ledgers.Ledger();
        var exact = Invoice();
        var over = Invoice();
        var dunningCase = Reminded("2026-01-13", "2026-01-24");

        var settled = ledger.BookPayment(exact, Debtor(DebtorKind.Business), dunningCase, new Payment(D("2026-02-01"), 1045.06m, "bank-1"), D("2026-03-10"));
        var credited = ledger.BookPayment(over, Debtor(DebtorKind.Business), dunningCase, new Payment(D("2026-02-01"), 1100m, "bank-1"), D("2026-03-10"));

        Assert.Equal((0m, true, D("2026-02-01")), (settled.Claim.Open.Amount, settled.Claim.IsSettled, exact.SettledOn));
        Assert.Equal((0m, 54.94m), (credited.Claim.Open.Amount, credited.Credit.Amount));
        Assert.Equal(InvoiceStatus.Paid, over.StatusAt(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void A_residue_within_WaiveBelow_is_written_off_automatically_and_recorded()
    {
        var invoice = Invoice();
        var ledger = Ledgers.Ledger(new ClaimOptions { WaiveBelow = 1m });

        // What the reminder of 13 Jan asked (€1,000) paid on 20 Jan leaves the interest of 14–19 Jan: 1000 × 6.27 % × 6/365 = €1.03 > €1.
        var open = ledger.BookPayment(invoice, Debtor(DebtorKind.Consumer), Reminded("2026-01-13"), new Payment(D("2026-01-20"), 1000m, "bank-1"), D("2026-01-20"));
        var second = Invoice();
        var waived = ledger.BookPayment(second, Debtor(DebtorKind.Consumer), Reminded("2026-01-13"), new Payment(D("2026-01-19"), 1000m, "bank-1"), D("2026-01-19"));

        Assert.Equal((1.03m, false), (open.Claim.Open.Amount, open.Claim.IsSettled));
        // Paid on 19 Jan: 5 days, 1000 × 6.27 % × 5/365 = €0.86 ≤ €1 is waived.
        Assert.Equal((0.86m, true, ClaimLedger.AutomaticWaiver), (waived.Waived.Amount, waived.Claim.IsSettled, Assert.Single(second.WriteOffs).By));
    }

    [Fact]
    public void The_owner_writes_off_part_then_the_rest_and_an_unpaid_invoice_written_off_in_full_is_written_off()
    {
        var ledger = Ledgers.Ledger();
        var now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var partPaid = Invoice();
        partPaid.RecordPayment(new Payment(D("2026-01-05"), 600m, "bank-1"));
        var unpaid = Invoice();

        var afterPart = ledger.BookWriteOff(partPaid, Debtor(DebtorKind.Consumer), null, 100m, "Kulanz wegen Lieferverzug", "owner", now, D("2026-03-10"));
        var afterRest = ledger.BookWriteOff(partPaid, Debtor(DebtorKind.Consumer), null, null, "Rest nicht eintreibbar", "owner", now, D("2026-03-10"));
        ledger.BookWriteOff(unpaid, Debtor(DebtorKind.Consumer), null, null, "Insolvenz", "owner", now, D("2026-03-10"));

        Assert.Equal((300m, 0m), (afterPart.Open.Amount, afterRest.Open.Amount));
        Assert.Equal((InvoiceStatus.Paid, 400m), (partPaid.StatusAt(now), afterRest.WrittenOff.Amount));
        Assert.Equal(InvoiceStatus.WrittenOff, unpaid.StatusAt(now));
    }

    [Theory]
    [InlineData("0", "a reason")]
    [InlineData("-1", "a reason")]
    [InlineData("0.001", "a reason")]
    [InlineData("1000.01", "a reason")]
    [InlineData("10", " ")]
    public void A_write_off_that_is_not_positive_in_cents_exceeds_the_claim_or_has_no_reason_is_refused_and_changes_nothing(string amount, string reason)
    {
        var invoice = Invoice();

        Assert.Throws<DomainException>(() => Ledgers.Ledger().BookWriteOff(invoice, Debtor(DebtorKind.Consumer), null,
            decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), reason, "owner", DateTimeOffset.UnixEpoch, D("2026-03-10")));
        Assert.Empty(invoice.WriteOffs);
    }

    [Fact]
    public void A_payment_dated_in_the_future_is_refused()
    {
        var invoice = Invoice();

        Assert.Throws<DomainException>(() => Ledgers.Ledger().BookPayment(invoice, Debtor(DebtorKind.Consumer), null, new Payment(D("2026-03-11"), 10m, "x"), D("2026-03-10")));
        Assert.Empty(invoice.Payments);
    }

    private static DunningCase Reminded(params string[] days)
    {
        var dunningCase = new DunningCase { DebtorId = "D-1" };
        for (var i = 0; i < days.Length; i++)
        {
            dunningCase.Advance("RE-1", i == 0 ? 1 : i + 1);
            dunningCase.Record(new CaseAction(new DateTimeOffset(D(days[i]).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(1)), CaseActionKinds.Reminder, "sent", InvoiceNumbers: ["RE-1"]));
        }
        return dunningCase;
    }
}
