using System.Globalization;
using System.Text.Json;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Staff.Desk;

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
    StaffRecords records,
    TimeProvider clock)
{
    private const decimal MaxAmount = 1_000_000_000m;
    private const int MaxText = 500;

    /// <summary>Records a payment (owner). Without an amount the whole open balance is paid.</summary>
    public Task<StaffResult> RecordPaymentAsync(StaffActor actor, string number, decimal? amount, DateOnly? paidOn, string? reference, CancellationToken cancellationToken)
    {
        if (!actor.IsOwner)
            return Task.FromResult(StaffResult.Forbidden("Only the owner records payments."));
        if (amount is <= 0m or > MaxAmount)
            return Task.FromResult(StaffResult.Invalid("The amount must be positive."));
        var now = clock.GetUtcNow();
        var day = paidOn ?? DateOnly.FromDateTime(now.UtcDateTime);
        if (day > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
            return Task.FromResult(StaffResult.Invalid("A payment cannot be dated in the future."));
        var note = Clip(reference) ?? $"console {actor.UserName} {now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        return ChangeInvoiceAsync(actor, number, "payment", invoice =>
        {
            var paid = Math.Round(amount ?? invoice.OpenBalance, 2);
            if (paid <= 0m)
                throw new DomainException($"Invoice {invoice.Number} has nothing open.");
            invoice.RecordPayment(new Payment(day, paid, note));
            return $"Payment of {paid.ToString("0.00", CultureInfo.InvariantCulture)} {invoice.Currency} on {day:yyyy-MM-dd} recorded";
        }, CaseActionKinds.Payment, cancellationToken);
    }

    /// <summary>Stops reminders for the invoice with a reason, until an optional expiry (staff and owner).</summary>
    public Task<StaffResult> PauseAsync(StaffActor actor, string number, string? reason, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        if (Clip(reason) is not { } why)
            return Task.FromResult(StaffResult.Invalid("A pause needs a reason."));
        var now = clock.GetUtcNow();
        return ChangeInvoiceAsync(actor, number, "pause", invoice =>
        {
            invoice.PauseDunning(why, until, now);
            return until is { } end ? $"Reminders paused until {end:yyyy-MM-dd HH:mm} UTC: {why}" : $"Reminders paused: {why}";
        }, CaseActionKinds.Pause, cancellationToken);
    }

    /// <summary>Lifts a pause (staff and owner).</summary>
    public Task<StaffResult> ResumeAsync(StaffActor actor, string number, CancellationToken cancellationToken) =>
        ChangeInvoiceAsync(actor, number, "resume", invoice =>
        {
            if (invoice.Pause is null)
                throw new DomainException($"Invoice {invoice.Number} is not paused.");
            invoice.ResumeDunning();
            return "Reminders resumed";
        }, CaseActionKinds.Pause, cancellationToken);

    /// <summary>Closes a dispute (owner): the invoice is dunned again, the outcome noted.</summary>
    public Task<StaffResult> ResolveDisputeAsync(StaffActor actor, string number, string? outcome, CancellationToken cancellationToken)
    {
        if (!actor.IsOwner)
            return Task.FromResult(StaffResult.Forbidden("Only the owner resolves disputes."));
        var note = Clip(outcome);
        return ChangeInvoiceAsync(actor, number, "resolve-dispute", invoice =>
        {
            var reason = invoice.Dispute ?? throw new DomainException($"Invoice {invoice.Number} is not disputed.");
            invoice.ResolveDispute();
            return $"Dispute resolved ({reason})" + (note is null ? "" : $": {note}");
        }, CaseActionKinds.Dispute, cancellationToken);
    }

    private async Task<StaffResult> ChangeInvoiceAsync(StaffActor actor, string number, string action, Func<Invoice, string> change,
        string kind, CancellationToken cancellationToken)
    {
        var before = await invoices.FindAsync(number, cancellationToken);
        if (before is null)
            return StaffResult.NotFound($"There is no invoice {number}.");
        var was = Snapshot(before);
        string summary = "";
        Invoice? after;
        try
        {
            after = await invoices.UpdateAsync(number, i => summary = change(i), cancellationToken);
        }
        catch (DomainException ex)
        {
            return StaffResult.Invalid(ex.Message);
        }
        catch (ConcurrencyConflictException)
        {
            return StaffResult.Conflict($"Invoice {number} kept changing; please try again.");
        }
        if (after is null)
            return StaffResult.NotFound($"There is no invoice {number}.");
        await records.WriteAsync(actor, after.DebtorId, action, $"invoice {number}", was, Snapshot(after),
            new CaseAction(clock.GetUtcNow(), kind, $"{summary} by {actor.UserName}", InvoiceNumbers: [number], Actor: actor.UserName), cancellationToken);
        return StaffResult.Done(summary + ".");
    }

    internal static string Snapshot(Invoice invoice) => JsonSerializer.Serialize(new
    {
        paid = invoice.Paid,
        open = invoice.OpenBalance,
        pause = invoice.Pause is { } p ? $"{p.Reason} until {p.Until?.ToString("o", CultureInfo.InvariantCulture) ?? "resumed"}" : null,
        dispute = invoice.Dispute,
    });

    private static string? Clip(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is { Length: > MaxText } long_ ? long_[..MaxText] : text.Trim();
}
