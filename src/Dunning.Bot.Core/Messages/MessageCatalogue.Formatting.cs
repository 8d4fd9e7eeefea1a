using System.Globalization;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Messages;

public sealed partial class MessageCatalogue
{
    /// <summary>
    /// The culture that formats money, dates and numbers in <paramref name="language"/> (option <c>Messages:Cultures</c>:
    /// de → de-DE, en → en-GB); the invariant culture for a language without dialog files.
    /// </summary>
    public CultureInfo CultureOf(string language) =>
        _cultures.TryGetValue(Normalize(language), out var culture) ? culture : CultureInfo.InvariantCulture;

    /// <summary><paramref name="money"/> as the <c>money</c> filter writes it: "1.234,56 €" in German, "€1,234.56" in English.</summary>
    public string FormatMoney(Money money, string language) => CurrencySymbols.Format(money.Amount, money.Currency, CultureOf(language));
}
