using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Reminders;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Claims;

/// <summary>
/// Computes the claim of one invoice (see <see cref="Claim"/>) and books payments and write-offs on it. The one place
/// that knows the German default rules and the allocation order; every figure anyone sees comes from here through
/// <see cref="Statements.InvoiceStatements"/>. Pure apart from the invoice it is asked to change.
/// <para>
/// Default (§286 BGB) starts on the earliest of: the day after an agreed calendar due date; the day after a reminder
/// sent after the due date was received; the 31st day after the later of due date and receipt of the invoice (for a
/// consumer only when the invoice carried the §286(3) notice). Interest (§288(1)/(2)) runs from the first day of default
/// on the open principal only (§289: no interest on interest); dunning fees and the §288(5) lump sum count only when the
/// stage that carries them was reached on or after that day (the reminder that creates default is not a cost of default).
/// </para>
/// <para>
/// Each payment is allocated on its date after interest up to the day before has accrued: with
/// <see cref="ClaimAllocation.Statutory"/> to costs, then interest, then the principal (§367(1) BGB); what is left is a
/// credit. Write-offs are allocated the same way and never create a credit.
/// </para>
/// </summary>
public sealed class ClaimLedger
{
    private readonly ClaimOptions options;
    private readonly StatutoryInterest interest;
    private readonly DunningLadder ladder;

    public ClaimLedger(IOptions<ClaimOptions> options, StatutoryInterest interest, DunningLadder ladder)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = OptionsCheck.Valid(options.Value, o => o.Validate());
        this.interest = interest;
        this.ladder = ladder;
    }

    /// <summary>Who automatic waivers of small residues are recorded as.</summary>
    public const string AutomaticWaiver = "auto";

    /// <summary>The reason recorded with an automatic waiver (German: the case file is the owner's).</summary>
    public const string WaiverReason = "Kleinbetrag unter der Bagatellgrenze (Dunning:WaiveBelow)";

    public StatutoryInterest Interest => interest;

    public DunningLadder Ladder => ladder;

    /// <summary>
    /// The claim of <paramref name="invoice"/> through <paramref name="through"/> (the debtor's local date), with the
    /// ladder stage and reminder days from <paramref name="dunningCase"/>. A <paramref name="stageReached"/> beyond the
    /// case's stage (a reminder about to be sent) counts its stages as reached on <paramref name="through"/>.
    /// </summary>
    public Claim Compute(Invoice invoice, Debtor debtor, DunningCase? dunningCase, DateOnly through, int? stageReached = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(debtor);
        var recorded = dunningCase?.StageOf(invoice.Number) ?? 0;
        var days = ReminderDays(dunningCase, invoice.Number, debtor.TimeZoneInfo);
        return Compute(invoice, debtor.Kind, days, Math.Max(recorded, stageReached ?? 0), through);
    }

    /// <summary>The claim from explicit inputs: <paramref name="reminderDays"/> are the days reminders about the invoice were received, oldest first.</summary>
    public Claim Compute(Invoice invoice, DebtorKind kind, IReadOnlyList<DateOnly> reminderDays, int stageReached, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(reminderDays);
        var (since, reason, reasonDate) = DefaultOf(invoice, kind, reminderDays, through);
        var walk = new ClaimWalk(invoice, kind, since, options.Allocation, interest);
        foreach (var e in Events(invoice, kind, reminderDays, stageReached, since, through))
            walk.Apply(e);
        walk.AccrueThrough(through);
        return walk.Result(since, reason, reasonDate, through);
    }

    /// <summary>
    /// When default starts for <paramref name="invoice"/> as of <paramref name="through"/>, and why; (null, None, null)
    /// when it has not started by then.
    /// </summary>
    public (DateOnly? Since, DefaultReason Reason, DateOnly? ReasonDate) DefaultOf(Invoice invoice, DebtorKind kind, IReadOnlyList<DateOnly> reminderDays, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(reminderDays);
        var candidates = new List<(DateOnly Since, DefaultReason Reason, DateOnly Date)>(3);
        if (invoice.DueDateAgreed ?? options.DueDatesAreAgreed)
            candidates.Add((invoice.DueDate.AddDays(1), DefaultReason.CalendarDate, invoice.DueDate));
        if (reminderDays.Where(d => d > invoice.DueDate).Cast<DateOnly?>().FirstOrDefault() is { } reminded)
            candidates.Add((reminded.AddDays(1), DefaultReason.Reminder, reminded));
        if (kind == DebtorKind.Business || (invoice.DefaultNotice ?? options.InvoicesCarryDefaultNotice))
        {
            var received = invoice.IssueDate.AddDays(options.InvoiceReceiptDays);
            var start = received > invoice.DueDate ? received : invoice.DueDate;
            candidates.Add((start.AddDays(31), DefaultReason.ThirtyDays, start));
        }
        var first = candidates.Where(c => c.Since <= through).OrderBy(c => c.Since).ThenBy(c => c.Reason).FirstOrDefault();
        return first.Reason == DefaultReason.None ? (null, DefaultReason.None, null) : (first.Since, first.Reason, first.Date);
    }

    /// <summary>
    /// Records <paramref name="payment"/> and allocates it; when nothing is left the invoice is settled (paid). A residue of
    /// at most <see cref="ClaimOptions.WaiveBelow"/> after a payment is written off first, audited as a write-off by
    /// <see cref="AutomaticWaiver"/>. A payment already recorded (same reference, date and amount) changes nothing.
    /// </summary>
    public Booking BookPayment(Invoice invoice, Debtor debtor, DunningCase? dunningCase, Payment payment, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Date > today)
            throw new DomainException($"Invoice {invoice.Number}: a payment dated {payment.Date:yyyy-MM-dd} is in the future.");
        if (!invoice.RecordPayment(payment))
            return new Booking(Compute(invoice, debtor, dunningCase, today), null, Money.Zero(invoice.Currency), Duplicate: true);
        var claim = Compute(invoice, debtor, dunningCase, today);
        var waived = Money.Zero(invoice.Currency);
        if (!claim.IsSettled && options.WaiveBelow > 0m && claim.Open.Amount <= options.WaiveBelow)
        {
            waived = claim.Open;
            invoice.AddWriteOff(new WriteOff(payment.Date, waived.Amount, WaiverReason, AutomaticWaiver));
            claim = Compute(invoice, debtor, dunningCase, today);
        }
        Settle(invoice, claim);
        var entry = claim.Entries.LastOrDefault(e => e.Kind == ClaimEntryKind.Payment && e.Date == payment.Date && e.Amount.Amount == payment.Amount);
        return new Booking(claim, entry, waived, Duplicate: false);
    }

    /// <summary>
    /// Writes off <paramref name="amount"/> of the open claim (null: all that is open) with a reason, by
    /// <paramref name="by"/>. Writing off the whole claim of an invoice nothing was paid on marks it written off; otherwise
    /// an invoice with nothing left is settled. Throws <see cref="DomainException"/> for a closed invoice, a missing reason
    /// or an amount that is not positive or exceeds the open claim.
    /// </summary>
    public Claim BookWriteOff(Invoice invoice, Debtor debtor, DunningCase? dunningCase, decimal? amount, string reason, string by, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
            throw new DomainException($"Invoice {invoice.Number}: a write-off needs a reason of at most 500 characters.");
        if (invoice.WrittenOffAt is not null || invoice.SettledOn is not null)
            throw new DomainException($"Invoice {invoice.Number} is already closed; nothing is open to write off.");
        var before = Compute(invoice, debtor, dunningCase, today);
        var value = amount ?? before.Open.Amount;
        if (value <= 0m || value != Math.Round(value, Currency.MinorUnits(invoice.Currency)))
            throw new DomainException($"Invoice {invoice.Number}: a write-off of {value} is not a positive amount in whole cents.");
        if (value > before.Open.Amount)
            throw new DomainException($"Invoice {invoice.Number}: a write-off of {value} exceeds the open claim of {before.Open.Amount}.");
        invoice.AddWriteOff(new WriteOff(today, value, reason.Trim(), by));
        var claim = Compute(invoice, debtor, dunningCase, today);
        if (claim.IsSettled && !claim.Paid.IsPositive)
            invoice.WriteOff(now);
        else
            Settle(invoice, claim);
        return claim;
    }

    /// <summary>Marks the invoice paid when its claim is settled, and open again when a settled claim grew (a reversal).</summary>
    public static void Settle(Invoice invoice, Claim claim)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.IsSettled)
            invoice.Settle(claim.Entries.Count > 0 ? claim.Entries.Max(e => e.Date) : claim.Through);
        else
            invoice.Reopen();
    }

    /// <summary>
    /// The local days reminders about <paramref name="number"/> reached the debtor (Zugang, §130 BGB), oldest first: a web
    /// chat reminder nobody has fetched yet has not arrived and starts no default (see <see cref="ProactiveHistory.RemindersReceived"/>).
    /// </summary>
    public static IReadOnlyList<DateOnly> ReminderDays(DunningCase? dunningCase, string number, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (dunningCase is null)
            return [];
        return [.. ProactiveHistory.RemindersReceived(dunningCase, number).Select(at => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime))];
    }

    /// <summary>Every dated event of the claim through <paramref name="through"/>, in the order the walk applies them.</summary>
    private IEnumerable<ClaimWalk.Event> Events(Invoice invoice, DebtorKind kind, IReadOnlyList<DateOnly> reminderDays, int stageReached, DateOnly? since, DateOnly through)
    {
        var events = new List<ClaimWalk.Event>();
        foreach (var note in invoice.CreditNotes)
            events.Add(new(note.Date, 0, ClaimEntryKind.CreditNote, note.Amount, note.Reference));
        if (since is { } defaultSince)
        {
            foreach (var (day, fee) in StageFees(invoice, kind, reminderDays, stageReached))
            {
                if (day >= defaultSince && fee > 0m)
                    events.Add(new(day, 1, ClaimEntryKind.Fee, fee, null));
            }
        }
        foreach (var payment in invoice.Payments)
            events.Add(new(payment.Date, 2, ClaimEntryKind.Payment, payment.Amount, payment.Reference));
        foreach (var writeOff in invoice.WriteOffs)
            events.Add(new(writeOff.Date, 3, ClaimEntryKind.WriteOff, writeOff.Amount, writeOff.Reason));
        return events.Where(e => e.Date <= through).OrderBy(e => e.Date).ThenBy(e => e.Order);
    }

    /// <summary>
    /// The fee each reached stage adds and the day it was reached: the n-th stage that messages the debtor on the n-th
    /// reminder day (or its planned day, due date + offset, when the history has none); other stages with the stage before.
    /// </summary>
    private IEnumerable<(DateOnly Day, decimal Fee)> StageFees(Invoice invoice, DebtorKind kind, IReadOnlyList<DateOnly> reminderDays, int stageReached)
    {
        var notified = 0;
        var day = invoice.DueDate;
        var before = 0m;
        foreach (var stage in ladder.Stages.Take(Math.Clamp(stageReached, 0, ladder.Stages.Count)))
        {
            var planned = invoice.DueDate.AddDays(stage.OffsetDays);
            day = stage.NotifyDebtor ? (notified < reminderDays.Count ? reminderDays[notified] : planned) : (day > planned ? day : planned);
            if (stage.NotifyDebtor)
                notified++;
            var accrued = ladder.FeesAccrued(kind, stage.Number, invoice.Currency).Amount;
            yield return (day, accrued - before);
            before = accrued;
        }
    }
}
