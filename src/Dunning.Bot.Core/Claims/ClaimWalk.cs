using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Core.Claims;

/// <summary>
/// One pass over a claim's events in date order (see <see cref="ClaimLedger"/>): interest accrues on the open principal
/// between events, each event changes the open parts, and every entry records how it was allocated.
/// </summary>
internal sealed class ClaimWalk(Invoice invoice, DebtorKind kind, DateOnly? defaultSince, ClaimAllocation allocation, StatutoryInterest interest)
{
    /// <summary>A dated change to the claim; <see cref="Order"/> ranks events of one day (credit notes, fees, payments, write-offs).</summary>
    internal readonly record struct Event(DateOnly Date, int Order, ClaimEntryKind Kind, decimal Amount, string? Note);

    private readonly string currency = invoice.Currency;
    private readonly List<ClaimEntry> entries = [];
    private readonly List<InterestPeriod> periods = [];
    private decimal principal = invoice.Total;
    private decimal openPrincipal = invoice.Total;
    private decimal openInterest;
    private decimal openFees;
    private decimal interestTotal;
    private decimal feesTotal;
    private decimal paid;
    private decimal writtenOff;
    private decimal credit;
    private DateOnly? accruedUntil = defaultSince;

    public void Apply(Event e)
    {
        // Interest is split only where the principal changes: a fee changes no interest, and splitting at it would only
        // add a rounding step. A payment lowers the principal from its day on; a write-off gives up what was owed at the
        // end of its day (the amount the owner saw), so that day's interest accrues first.
        if (e.Kind != ClaimEntryKind.Fee)
            AccrueThrough(e.Kind == ClaimEntryKind.WriteOff ? e.Date : e.Date.AddDays(-1));
        var zero = Money.Zero(currency);
        switch (e.Kind)
        {
            case ClaimEntryKind.Fee when openPrincipal + openInterest + openFees == 0m:
                break; // a reminder after the claim was settled costs nothing
            case ClaimEntryKind.Fee:
                openFees += e.Amount;
                feesTotal += e.Amount;
                entries.Add(new ClaimEntry(e.Date, e.Kind, M(e.Amount), zero, zero, zero, zero, e.Note));
                break;
            case ClaimEntryKind.CreditNote:
                var lowered = Math.Min(e.Amount, openPrincipal);
                principal -= lowered;
                openPrincipal -= lowered;
                credit += e.Amount - lowered;
                entries.Add(new ClaimEntry(e.Date, e.Kind, M(e.Amount), zero, zero, M(lowered), M(e.Amount - lowered), e.Note));
                break;
            case ClaimEntryKind.Payment:
                paid += e.Amount;
                Allocate(e, countLeftover: true);
                break;
            case ClaimEntryKind.WriteOff:
                Allocate(e, countLeftover: false);
                break;
        }
    }

    /// <summary>Accrues interest on the open principal for every day up to and including <paramref name="day"/>.</summary>
    public void AccrueThrough(DateOnly day)
    {
        if (accruedUntil is not { } from || from > day)
            return;
        var calculation = interest.Calculate(new Money(openPrincipal, currency), kind, from, day);
        openInterest += calculation.Total.Amount;
        interestTotal += calculation.Total.Amount;
        periods.AddRange(calculation.Periods);
        accruedUntil = day.AddDays(1);
    }

    public Claim Result(DateOnly? since, DefaultReason reason, DateOnly? reasonDate, DateOnly through) => new()
    {
        Principal = M(principal),
        Interest = M(interestTotal),
        Fees = M(feesTotal),
        Paid = M(paid),
        WrittenOff = M(writtenOff),
        Credit = M(credit),
        OpenPrincipal = M(openPrincipal),
        OpenInterest = M(openInterest),
        OpenFees = M(openFees),
        DefaultSince = since,
        DefaultReason = reason,
        DefaultReasonDate = reasonDate,
        Through = through,
        Entries = entries,
        InterestPeriods = periods,
    };

    private void Allocate(Event e, bool countLeftover)
    {
        var left = e.Amount;
        decimal toFees = 0m, toInterest = 0m, toPrincipal = 0m;
        foreach (var part in allocation == ClaimAllocation.Statutory ? StatutoryOrder : PrincipalFirstOrder)
        {
            switch (part)
            {
                case Part.Fees:
                    toFees = Take(ref openFees, ref left);
                    break;
                case Part.Interest:
                    toInterest = Take(ref openInterest, ref left);
                    break;
                default:
                    toPrincipal = Take(ref openPrincipal, ref left);
                    break;
            }
        }
        var leftover = countLeftover ? left : 0m;
        credit += leftover;
        if (!countLeftover)
            writtenOff += e.Amount - left;
        entries.Add(new ClaimEntry(e.Date, e.Kind, M(countLeftover ? e.Amount : e.Amount - left), M(toFees), M(toInterest), M(toPrincipal), M(leftover), e.Note));
    }

    private static decimal Take(ref decimal open, ref decimal left)
    {
        var taken = Math.Min(open, left);
        open -= taken;
        left -= taken;
        return taken;
    }

    private Money M(decimal amount) => new(amount, currency);

    private enum Part { Fees, Interest, Principal }

    private static readonly Part[] StatutoryOrder = [Part.Fees, Part.Interest, Part.Principal];

    private static readonly Part[] PrincipalFirstOrder = [Part.Principal, Part.Interest, Part.Fees];
}
