using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Claims;

/// <summary>
/// Properties over random claims (seeded, so a failure repeats): for any debtor kind, allocation, reminders, payments,
/// credit notes and write-offs, the parts add up to the cent, nothing is negative, and an invoice is settled only at zero.
/// </summary>
public sealed class Claims_always_add_up
{
    [Fact]
    public void Random_payment_sequences_keep_every_invariant()
    {
        var random = new Random(20261207);
        for (var run = 0; run < 600; run++)
        {
            var kind = random.Next(2) == 0 ? DebtorKind.Consumer : DebtorKind.Business;
            var allocation = random.Next(2) == 0 ? ClaimAllocation.Statutory : ClaimAllocation.PrincipalFirst;
            var ledger = Ledgers.Ledger(new ClaimOptions { Allocation = allocation, WaiveBelow = random.Next(3) == 0 ? 1m : 0m });
            var due = new DateOnly(2025, 1, 1).AddDays(random.Next(500));
            var invoice = Invoice.Create($"RE-{run}", "D-1", due.AddDays(-14), due, "EUR", random.Next(1, 500_000) / 100m);
            invoice.DefaultNotice = random.Next(2) == 0;
            var debtor = new Debtor { Id = "D-1", Name = "Muster", Kind = kind, AccessCode = "K7P2QXAB", LinkToken = "tok" };
            var dunningCase = new DunningCase { DebtorId = "D-1" };
            var stages = random.Next(5);
            for (var s = 1; s <= stages; s++)
            {
                dunningCase.Advance(invoice.Number, s);
                dunningCase.Record(new CaseAction(new DateTimeOffset(due.AddDays(s * 10).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), CaseActionKinds.Reminder, "x", InvoiceNumbers: [invoice.Number]));
            }
            var day = due.AddDays(random.Next(-10, 30));
            for (var step = random.Next(1, 6); step > 0 && invoice.SettledOn is null && invoice.WrittenOffAt is null; step--)
            {
                day = day.AddDays(random.Next(0, 40));
                var amount = random.Next(1, (int)(invoice.Total * 100) + 5_000) / 100m;
                if (random.Next(6) == 0)
                    ledger.BookWriteOff(invoice, debtor, dunningCase, Math.Min(amount, ledger.Compute(invoice, debtor, dunningCase, day).Open.Amount) is var w && w > 0m ? w : null, "Kulanz", "owner", DateTimeOffset.UnixEpoch, day);
                else
                    ledger.BookPayment(invoice, debtor, dunningCase, new Payment(day, amount, $"p{step}"), day);
            }
            var claim = ledger.Compute(invoice, debtor, dunningCase, day.AddDays(random.Next(0, 60)));

            var parts = new[] { claim.Principal, claim.Interest, claim.Fees, claim.Paid, claim.WrittenOff, claim.Credit, claim.OpenPrincipal, claim.OpenInterest, claim.OpenFees };
            Assert.All(parts, p => Assert.False(p.IsNegative, $"run {run}: a part is negative"));
            Assert.Equal(claim.Open.Amount, claim.Principal.Amount + claim.Interest.Amount + claim.Fees.Amount - claim.Paid.Amount - claim.WrittenOff.Amount + claim.Credit.Amount);
            Assert.Equal(claim.Paid.Amount, invoice.Paid);
            var settled = invoice.SettledOn is not null || invoice.WrittenOffAt is not null;
            Assert.True(settled == claim.IsSettled || (settled && claim.IsSettled), $"run {run}: settled {settled} but open {claim.Open}");
            Assert.True(claim.Credit.IsZero || claim.Open.IsZero, $"run {run}: a credit beside an open claim");
        }
    }
}
