using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Dialogs;

public abstract partial class CaseDialog
{
    /// <summary>
    /// Stops dunning on each invoice until <paramref name="until"/>. A pause already running longer (or without end)
    /// is kept: a shorter new one must not cut it.
    /// </summary>
    protected async Task PauseAsync(IEnumerable<string> invoiceNumbers, string reason, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var now = Services.Clock.GetUtcNow();
        foreach (var number in invoiceNumbers)
        {
            await Services.Invoices.UpdateAsync(number, invoice =>
            {
                if (invoice.Pause is { } current && current.IsActive(now) && (current.Until is null || current.Until >= until))
                    return;
                invoice.PauseDunning(reason, until, now);
            }, cancellationToken);
        }
    }

    /// <summary>Adds an entry to the debtor's case history, written by the bot; the schedule re-evaluates the case.</summary>
    protected Task RecordAsync(string debtorId, string kind, string summary, IReadOnlyList<string> invoiceNumbers, CancellationToken cancellationToken) =>
        Services.Cases.RecordAsync(debtorId, Services.Clock.GetUtcNow(), kind, summary, invoiceNumbers, "bot", cancellationToken);
}
