using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// The variables of the negotiation wording that describe terms (<c>kind</c>, <c>promise</c>, <c>schedule</c>,
/// <c>currency</c>, <c>total</c>, <c>percent</c>, <c>invoices</c>), built in one place for the bot's confirmation, its
/// written summary and the summary sent when staff approve a request.
/// </summary>
public static class AgreementWording
{
    /// <summary>The dialog name of the wording.</summary>
    public const string Dialog = "negotiation";

    /// <summary>The wording's name for a kind of agreement: deferral, instalments or discount.</summary>
    public static string KindOf(AgreementKind kind) => kind switch
    {
        AgreementKind.Deferral => "deferral",
        AgreementKind.InstalmentPlan => "instalments",
        _ => "discount",
    };

    /// <summary>The terms' variables (a summary model for <c>agreed</c>).</summary>
    public static Dictionary<string, object?> Terms(NegotiationTerms terms, IEnumerable<string> invoiceNumbers, bool promise)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return Terms(terms.Kind, terms.Schedule, terms.Currency, terms.DiscountPercent, invoiceNumbers, promise);
    }

    /// <inheritdoc cref="Terms(NegotiationTerms, IEnumerable{string}, bool)"/>
    public static Dictionary<string, object?> Terms(PaymentAgreement agreement, bool promise)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return Terms(agreement.Kind, agreement.Schedule, agreement.Currency, agreement.DiscountPercent, agreement.InvoiceNumbers, promise);
    }

    private static Dictionary<string, object?> Terms(AgreementKind kind, IReadOnlyList<Instalment> schedule, string currency, decimal? percent,
        IEnumerable<string> invoiceNumbers, bool promise) => new(StringComparer.Ordinal)
    {
        ["kind"] = KindOf(kind),
        ["promise"] = promise,
        ["schedule"] = schedule,
        ["currency"] = currency,
        ["total"] = new Money(schedule.Sum(i => i.Amount), currency),
        ["percent"] = percent,
        ["invoices"] = string.Join(", ", invoiceNumbers),
    };
}
