using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Domain;

public sealed class Payments_and_status
{
    private static readonly DateOnly Day = new(2026, 11, 1);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private static Invoice New(decimal total = 100m) => Invoice.Create("RE-1", "D-1", Day, Day.AddDays(14), "EUR", total);

    // A consumer who was never reminded is not in default: the claim is the principal alone, so these read in euros.
    private static readonly Debtor Consumer = new() { Id = "D-1", Name = "Erika Muster", AccessCode = "K7P2QX", LinkToken = "tok" };

    private static Booking Pay(Invoice invoice, decimal amount, string reference) =>
        Claims.Ledgers.Ledger().BookPayment(invoice, Consumer, null, new Payment(Day, amount, reference), Day.AddDays(20));

    [Fact]
    public void A_partial_payment_reduces_the_balance_and_marks_it_partially_paid()
    {
        var invoice = New();
        var booking = Pay(invoice, 40m, "T1");
        Assert.Equal((60m, 0m, InvoiceStatus.PartiallyPaid), (booking.Claim.Open.Amount, booking.Credit.Amount, invoice.StatusAt(Now)));
    }

    [Fact]
    public void An_exact_payment_settles_it()
    {
        var invoice = New();
        Pay(invoice, 60m, "T1");
        var booking = Pay(invoice, 40m, "T2");
        Assert.Equal((0m, 0m, InvoiceStatus.Paid), (booking.Claim.Open.Amount, booking.Claim.Credit.Amount, invoice.StatusAt(Now)));
        Assert.False(invoice.IsDunnable(Now));
    }

    [Fact]
    public void An_overpayment_leaves_zero_balance_and_a_credit()
    {
        var invoice = New();
        Pay(invoice, 90m, "T1");
        var booking = Pay(invoice, 25.5m, "T2");
        Assert.Equal(15.5m, booking.Credit.Amount);
        Assert.Equal((0m, 15.5m, InvoiceStatus.Paid), (booking.Claim.Open.Amount, booking.Claim.Credit.Amount, invoice.StatusAt(Now)));
    }

    [Fact]
    public void The_same_payment_reported_twice_counts_once()
    {
        var invoice = New();
        Pay(invoice, 30m, "SEPA-9");
        var again = Pay(invoice, 30m, "SEPA-9");
        Assert.True(again.Duplicate);
        Assert.Equal((70m, 1), (again.Claim.Open.Amount, invoice.Payments.Count));
    }

    [Fact]
    public void Recording_a_payment_alone_does_not_settle_the_claim_only_the_ledger_does()
    {
        var invoice = New();
        Assert.True(invoice.RecordPayment(new Payment(Day, 100m, "T")));
        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.StatusAt(Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_non_positive_payment_is_refused(decimal amount)
    {
        var invoice = New();
        Assert.Throws<DomainException>(() => invoice.RecordPayment(new Payment(Day, amount, "T")));
        Assert.Empty(invoice.Payments);
    }

    [Fact]
    public void A_pause_holds_until_its_expiry()
    {
        var invoice = New();
        invoice.PauseDunning("Kunde klärt intern", Now.AddDays(7), Now);
        Assert.Equal(InvoiceStatus.Paused, invoice.StatusAt(Now.AddDays(6)));
        Assert.Equal(InvoiceStatus.Open, invoice.StatusAt(Now.AddDays(7)));
        Assert.Throws<DomainException>(() => invoice.PauseDunning("x", Now, Now));
        Assert.Throws<DomainException>(() => invoice.PauseDunning(" ", null, Now));
        invoice.ResumeDunning();
        Assert.Equal(InvoiceStatus.Open, invoice.StatusAt(Now.AddDays(1)));
    }

    [Fact]
    public void Disputed_beats_paused_and_written_off_beats_everything()
    {
        var invoice = New();
        invoice.PauseDunning("wait", null, Now);
        invoice.MarkDisputed("wrong amount");
        Assert.Equal(InvoiceStatus.Disputed, invoice.StatusAt(Now));
        invoice.WriteOff(Now);
        Assert.Equal(InvoiceStatus.WrittenOff, invoice.StatusAt(Now));
        invoice.ResolveDispute();
        Assert.Equal(InvoiceStatus.WrittenOff, invoice.StatusAt(Now));
    }

    [Fact]
    public void A_paid_invoice_is_paid_even_when_disputed()
    {
        var invoice = New();
        invoice.MarkDisputed("late delivery");
        Pay(invoice, 100m, "T");
        Assert.Equal(InvoiceStatus.Paid, invoice.StatusAt(Now));
    }
}
