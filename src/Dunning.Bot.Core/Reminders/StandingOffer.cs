using System.Globalization;
using System.Text.RegularExpressions;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// The "last offer" a reminder made (<see cref="NegotiationLimits.LastOffer"/>), kept in the case history as an
/// <see cref="CaseActionKinds.Offer"/> entry written with the reminder it was sent in. It stands until the debtor accepts
/// it (an agreement or promise is recorded after it) or a later reminder is sent; it can be accepted until
/// <see cref="ValidUntil"/> (the debtor's local date) and lapses after that.
/// </summary>
public sealed partial record StandingOffer(NegotiationTerms Terms, IReadOnlyList<string> InvoiceNumbers, DateTimeOffset MadeAt)
{
    public DateOnly ValidUntil => Terms.ValidUntil ?? Terms.LastDueDate;

    /// <summary>True on <paramref name="today"/> (the debtor's local date) up to and including <see cref="ValidUntil"/>.</summary>
    public bool IsValidOn(DateOnly today) => today <= ValidUntil;

    /// <summary>The history entry for <paramref name="terms"/> offered in a reminder about <paramref name="invoiceNumbers"/>.</summary>
    public static CaseAction Record(NegotiationTerms terms, IReadOnlyList<string> invoiceNumbers, DateTimeOffset at, string? channel)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var kind = terms.Kind == AgreementKind.Discount ? "discount" : "deferral";
        var percent = terms.DiscountPercent is { } p ? string.Create(CultureInfo.InvariantCulture, $" {p}%") : "";
        var amount = terms.Amount.Amount.ToString("F" + Currency.MinorUnits(terms.Currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Last offer: {kind}{percent}, {amount} {terms.Currency} by {terms.LastDueDate:yyyy-MM-dd}, valid until {terms.ValidUntil ?? terms.LastDueDate:yyyy-MM-dd}");
        return new CaseAction(at, CaseActionKinds.Offer, summary, channel, invoiceNumbers, "schedule");
    }

    /// <summary>
    /// The offer of the case's latest reminder, or null when that reminder made none, or the debtor has since agreed to
    /// something (an agreement or promise is recorded after it).
    /// </summary>
    public static StandingOffer? Latest(DunningCase? dunningCase)
    {
        var last = dunningCase?.History.LastOrDefault(a => a.Kind is CaseActionKinds.Offer or CaseActionKinds.Reminder
            or CaseActionKinds.Agreement or CaseActionKinds.Promise);
        return last is { Kind: CaseActionKinds.Offer } ? Parse(last) : null;
    }

    private static StandingOffer? Parse(CaseAction action)
    {
        var match = SummaryPattern().Match(action.Summary);
        if (!match.Success || action.InvoiceNumbers is not { Count: > 0 } numbers)
            return null;
        var amount = decimal.Parse(match.Groups["amount"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        var payBy = DateOnly.ParseExact(match.Groups["by"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var validUntil = DateOnly.ParseExact(match.Groups["until"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var discount = match.Groups["kind"].Value == "discount";
        decimal? percent = match.Groups["percent"].Success ? decimal.Parse(match.Groups["percent"].Value, NumberStyles.Number, CultureInfo.InvariantCulture) : null;
        var terms = new NegotiationTerms(discount ? AgreementKind.Discount : AgreementKind.Deferral, match.Groups["currency"].Value,
            [new Instalment(payBy, amount)], discount ? percent : null, validUntil);
        return new StandingOffer(terms, numbers, action.At);
    }

    [GeneratedRegex(@"^Last offer: (?<kind>discount|deferral)(?: (?<percent>\d+(?:\.\d+)?)%)?, (?<amount>\d+(?:\.\d+)?) (?<currency>[A-Z]{3}) by (?<by>\d{4}-\d{2}-\d{2}), valid until (?<until>\d{4}-\d{2}-\d{2})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SummaryPattern();
}
