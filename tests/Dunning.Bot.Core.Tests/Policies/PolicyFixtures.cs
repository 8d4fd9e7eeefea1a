using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Tests.Policies;

internal static class PolicyFixtures
{
    public static Debtor Debtor(string timeZone = "Europe/Berlin", string country = "DE", string? state = null, DebtorKind kind = DebtorKind.Consumer)
    {
        var debtor = new Debtor
        {
            Id = "D-1",
            Name = "Erika Mustermann",
            Kind = kind,
            TimeZone = timeZone,
            Country = country,
            State = state,
            AccessCode = "ABC123",
            LinkToken = "link-token",
        };
        debtor.Reach(ChannelKind.Telegram, "4711");
        return debtor;
    }

    public static Invoice Invoice(decimal total = 480m, string number = "RE-1", DateOnly? due = null, string currency = "EUR")
    {
        var dueDate = due ?? new DateOnly(2025, 1, 15);
        return Core.Domain.Invoice.Create(number, "D-1", dueDate.AddDays(-14), dueDate, currency, total);
    }

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static DunningLadder Ladder(DunningLadderOptions? options = null) => new(Options.Create(options ?? new DunningLadderOptions()));

    public static StatutoryInterest Interest(StatutoryInterestOptions? options = null) => new(Options.Create(options ?? new StatutoryInterestOptions()));

    public static ContactRules Contact(ContactRulesOptions? options = null) => new(Options.Create(options ?? new ContactRulesOptions()), new HolidayCalendar());

    public static NegotiationLimits Negotiation(NegotiationLimitsOptions? options = null) => new(Options.Create(options ?? new NegotiationLimitsOptions()));
}
