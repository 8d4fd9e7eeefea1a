using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>
/// Payments in fixtures, booked through the real ledger as the API books them. The debtor counts as a consumer who was
/// never reminded, so the claim is the principal: paying the total settles the invoice, as these fixtures mean it to.
/// The ledger's own tests cover interest, fees and allocation.
/// </summary>
internal static class InvoicePayments
{
    private static readonly Debtor Consumer = new() { Id = "fixture", Name = "Fixture", AccessCode = "FIXTURE1", LinkToken = "fixture" };

    public static Booking Book(this Invoice invoice, Payment payment) =>
        Claims.Ledgers.Ledger().BookPayment(invoice, Consumer, null, payment, payment.Date);
}
