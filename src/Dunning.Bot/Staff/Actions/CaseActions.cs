using System.Globalization;
using System.Text.Json;
using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;

namespace Dunning.Bot.Staff.Actions;

/// <summary>
/// What staff change on a case besides the conversation: payments, pauses ("Mahnstopp"), disputes, opt-outs and
/// escalations. Each action checks the role (payments, disputes and opt-outs change money or legal standing: owner
/// only), changes the record with its version check, notes it in the case history, asks the scheduler to look again,
/// writes the audit log (before/after) and tells open console pages.
/// </summary>
public sealed partial class CaseActions(
    IInvoiceStore invoices,
    IDebtorStore debtors,
    IEscalationStore escalations,
    ICaseStore cases,
    ClaimLedger ledger,
    StaffRecords records,
    TimeProvider clock)
{
    private const decimal MaxAmount = 1_000_000_000m;
    private const int MaxText = 500;

    /// <summary>Records a payment (owner), allocated by the claim ledger. Without an amount the whole open claim is paid.</summary>
    public Task<StaffResult> RecordPaymentAsync(StaffActor actor, string number, decimal? amount, DateOnly? paidOn, string? reference, CancellationToken cancellationToken)
    {
        if (!actor.IsOwner)
            return Task.FromResult(StaffResult.Forbidden("result_owner_only"));
        if (amount is <= 0m or > MaxAmount)
            return Task.FromResult(StaffResult.Invalid("result_amount_positive"));
        var now = clock.GetUtcNow();
        var day = paidOn ?? DateOnly.FromDateTime(now.UtcDateTime);
        if (day > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
            return Task.FromResult(StaffResult.Invalid("result_payment_future"));
        var note = Clip(reference) ?? $"console {actor.UserName} {now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        return ChangeClaimAsync(actor, number, "payment", (invoice, debtor, dunningCase, today) =>
        {
            var paid = Math.Round(amount ?? ledger.Compute(invoice, debtor, dunningCase, today).Open.Amount, 2);
            if (paid <= 0m)
                throw new DomainException($"Invoice {invoice.Number} has nothing open.");
            var booking = ledger.BookPayment(invoice, debtor, dunningCase, new Payment(day > today ? today : day, paid, note), today);
            var zero = Core.Domain.Money.Zero(invoice.Currency);
            return new Change($"Payment of {Money(paid)} {invoice.Currency} on {day:yyyy-MM-dd} recorded: {Money(booking.Entry?.ToFees.Amount ?? 0m)} to costs, "
                + $"{Money(booking.Entry?.ToInterest.Amount ?? 0m)} to interest, {Money(booking.Entry?.ToPrincipal.Amount ?? 0m)} to principal; open {Money(booking.Claim.Open.Amount)}",
                new
                {
                    number = invoice.Number, amount = new Money(paid, invoice.Currency), date = day, fees = booking.Entry?.ToFees ?? zero,
                    interest = booking.Entry?.ToInterest ?? zero, principal = booking.Entry?.ToPrincipal ?? zero, open = booking.Claim.Open.Rounded(),
                });
        }, CaseActionKinds.Payment, cancellationToken);
    }

    /// <summary>Writes off part or all (no amount) of the open claim with a reason (owner).</summary>
    public Task<StaffResult> WriteOffAsync(StaffActor actor, string number, decimal? amount, string? reason, CancellationToken cancellationToken)
    {
        if (!actor.IsOwner)
            return Task.FromResult(StaffResult.Forbidden("result_owner_only"));
        if (amount is <= 0m or > MaxAmount)
            return Task.FromResult(StaffResult.Invalid("result_amount_positive"));
        if (Clip(reason) is not { } why)
            return Task.FromResult(StaffResult.Invalid("result_reason_needed"));
        var now = clock.GetUtcNow();
        return ChangeClaimAsync(actor, number, "write-off", (invoice, debtor, dunningCase, today) =>
        {
            var claim = ledger.BookWriteOff(invoice, debtor, dunningCase, amount, why, actor.UserName, now, today);
            return new Change($"Write-off of {Money(invoice.WriteOffs[^1].Amount)} {invoice.Currency} ({why}); open {Money(claim.Open.Amount)}",
                new { number = invoice.Number, amount = new Money(invoice.WriteOffs[^1].Amount, invoice.Currency), reason = why, open = claim.Open.Rounded() });
        }, CaseActionKinds.WriteOff, cancellationToken);
    }

    /// <summary>A change that needs the claim: the invoice's debtor and case are read first, "today" is the debtor's date.</summary>
    private async Task<StaffResult> ChangeClaimAsync(StaffActor actor, string number, string action,
        Func<Invoice, Debtor, DunningCase?, DateOnly, Change> change, string kind, CancellationToken cancellationToken)
    {
        if (await invoices.FindAsync(number, cancellationToken) is not { } invoice
            || await debtors.FindAsync(invoice.DebtorId, cancellationToken) is not { } debtor)
            return StaffResult.NotFound("result_no_invoice", new { number });
        var dunningCase = await cases.FindAsync(debtor.Id, cancellationToken);
        var today = InvoiceStatements.TodayOf(debtor, clock.GetUtcNow());
        return await ChangeInvoiceAsync(actor, number, action, i => change(i, debtor, dunningCase, today), kind, cancellationToken);
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Stops reminders for the invoice with a reason, until an optional expiry (staff and owner).</summary>
    public Task<StaffResult> PauseAsync(StaffActor actor, string number, string? reason, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        if (Clip(reason) is not { } why)
            return Task.FromResult(StaffResult.Invalid("result_reason_needed"));
        var now = clock.GetUtcNow();
        return ChangeInvoiceAsync(actor, number, "pause", invoice =>
        {
            invoice.PauseDunning(why, until, now);
            return new Change(until is { } end ? $"Reminders paused until {end:yyyy-MM-dd HH:mm} UTC: {why}" : $"Reminders paused: {why}",
                new { number = invoice.Number, reason = why });
        }, CaseActionKinds.Pause, cancellationToken);
    }

    /// <summary>Lifts a pause (staff and owner).</summary>
    public Task<StaffResult> ResumeAsync(StaffActor actor, string number, CancellationToken cancellationToken) =>
        ChangeInvoiceAsync(actor, number, "resume", invoice =>
        {
            if (invoice.Pause is null)
                throw new DomainException($"Invoice {invoice.Number} is not paused.");
            invoice.ResumeDunning();
            return new Change("Reminders resumed", new { number = invoice.Number });
        }, CaseActionKinds.Pause, cancellationToken);

    /// <summary>Closes a dispute (owner): the invoice is dunned again, the outcome noted.</summary>
    public Task<StaffResult> ResolveDisputeAsync(StaffActor actor, string number, string? outcome, CancellationToken cancellationToken)
    {
        if (!actor.IsOwner)
            return Task.FromResult(StaffResult.Forbidden("result_owner_only"));
        var note = Clip(outcome);
        return ChangeInvoiceAsync(actor, number, "resolve-dispute", invoice =>
        {
            var reason = invoice.Dispute ?? throw new DomainException($"Invoice {invoice.Number} is not disputed.");
            invoice.ResolveDispute();
            return new Change($"Dispute resolved ({reason})" + (note is null ? "" : $": {note}"), new { number = invoice.Number });
        }, CaseActionKinds.Dispute, cancellationToken);
    }

    /// <summary>What a change did: the case history's sentence and the variables of the console's <c>result_&lt;action&gt;</c> message.</summary>
    private sealed record Change(string Summary, object Model);

    private async Task<StaffResult> ChangeInvoiceAsync(StaffActor actor, string number, string action, Func<Invoice, Change> change,
        string kind, CancellationToken cancellationToken)
    {
        var before = await invoices.FindAsync(number, cancellationToken);
        if (before is null)
            return StaffResult.NotFound("result_no_invoice", new { number });
        var was = Snapshot(before);
        Change? done = null;
        Invoice? after;
        try
        {
            after = await invoices.UpdateAsync(number, i => done = change(i), cancellationToken);
        }
        catch (DomainException)
        {
            return StaffResult.Invalid("result_not_possible", new { number });
        }
        catch (ConcurrencyConflictException)
        {
            return StaffResult.Conflict("result_try_again");
        }
        if (after is null)
            return StaffResult.NotFound("result_no_invoice", new { number });
        await records.WriteAsync(actor, after.DebtorId, action, $"invoice {number}", was, Snapshot(after),
            new CaseAction(clock.GetUtcNow(), kind, $"{done!.Summary} by {actor.UserName}", InvoiceNumbers: [number], Actor: actor.UserName), cancellationToken);
        return StaffResult.Done("result_" + action.Replace('-', '_'), done.Model);
    }

    internal static string Snapshot(Invoice invoice) => JsonSerializer.Serialize(new
    {
        paid = invoice.Paid,
        writtenOff = invoice.WriteOffs.Sum(w => w.Amount),
        settledOn = invoice.SettledOn,
        pause = invoice.Pause is { } p ? $"{p.Reason} until {p.Until?.ToString("o", CultureInfo.InvariantCulture) ?? "resumed"}" : null,
        dispute = invoice.Dispute,
    });

    private static string? Clip(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is { Length: > MaxText } long_ ? long_[..MaxText] : text.Trim();
}
