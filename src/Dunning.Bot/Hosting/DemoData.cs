using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Hosting;

/// <summary>
/// A realistic demo portfolio relative to today: German and English, consumers and businesses, several
/// time zones; invoices before due, just overdue, deep in the ladder, partially paid, disputed and paid.
/// </summary>
internal static class DemoData
{
    public sealed record Portfolio(IReadOnlyList<Debtor> Debtors, IReadOnlyList<Invoice> Invoices, IReadOnlyList<DunningCase> Cases);

    /// <summary>The portfolio as of <paramref name="now"/>; payments are booked through <paramref name="ledger"/> like any other.</summary>
    public static Portfolio Create(DateTimeOffset now, ClaimLedger ledger)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var debtors = new List<Debtor>();
        var invoices = new List<Invoice>();
        var cases = new List<DunningCase>();

        Debtor Add(string id, string name, DebtorKind kind, string language, string timeZone, string country, string? state)
        {
            var debtor = new Debtor
            {
                Id = id, Name = name, Kind = kind, Language = language, TimeZone = timeZone, Country = country, State = state,
                AccessCode = DebtorSecrets.NewAccessCode(), LinkToken = DebtorSecrets.NewLinkToken(),
            };
            debtors.Add(debtor);
            cases.Add(new DunningCase { DebtorId = id, NextActionAt = now });
            return debtor;
        }

        DunningCase Case(Debtor debtor) => cases.Single(c => c.DebtorId == debtor.Id);

        Invoice Bill(Debtor debtor, string number, int issuedDaysAgo, int dueInDays, string currency, params InvoiceLine[] lines)
        {
            var invoice = Invoice.Create(number, debtor.Id, today.AddDays(-issuedDaysAgo), today.AddDays(dueInDays), currency, null, lines);
            invoices.Add(invoice);
            return invoice;
        }

        var becker = Add("D-1001", "Anna Becker", DebtorKind.Consumer, "de", "Europe/Berlin", "DE", "BE");
        Bill(becker, "RE-2026-0101", 4, 10, "EUR", new InvoiceLine("Fotoshooting Familienportrait", 1, 240m, 19m), new("Abzüge 13x18", 12, 2.50m, 19m));

        var mueller = Add("D-1002", "Müller Haustechnik GmbH", DebtorKind.Business, "de", "Europe/Berlin", "DE", "BY");
        Bill(mueller, "RE-2026-0087", 35, -5, "EUR", new InvoiceLine("Wartung Heizungsanlage", 1, 680m, 19m), new("Anfahrt", 1, 45m, 19m));

        var carter = Add("D-1003", "James Carter", DebtorKind.Consumer, "en", "Europe/London", "GB", null);
        Bill(carter, "RE-2026-0042", 80, -50, "EUR", new InvoiceLine("Website redesign, phase 1", 1, 1_450m, 19m));
        Stage(cases, carter.Id, "RE-2026-0042", 3, now, days: [47, 36, 22]);

        var brightwave = Add("D-1004", "Brightwave Ltd", DebtorKind.Business, "en", "America/New_York", "US", "NY");
        var partial = Bill(brightwave, "RE-2026-0066", 40, -20, "EUR", new InvoiceLine("Translation EN>DE, 12,000 words", 12, 95m, 0m));
        Stage(cases, brightwave.Id, "RE-2026-0066", 1, now, days: [17]);
        ledger.BookPayment(partial, brightwave, Case(brightwave), new Payment(today.AddDays(-10), 500m, "BW-TRX-88213"), today);

        var wagner = Add("D-1005", "Sophie Wagner", DebtorKind.Consumer, "de", "Europe/Vienna", "AT", null);
        var disputed = Bill(wagner, "RE-2026-0073", 30, -16, "EUR", new InvoiceLine("Gartenpflege Oktober", 6, 38m, 20m));
        disputed.MarkDisputed("Laut Kundin wurden nur 4 statt 6 Stunden gearbeitet.");

        var tanaka = Add("D-1006", "Tanaka Trading K.K.", DebtorKind.Business, "en", "Asia/Tokyo", "JP", null);
        var paid = Bill(tanaka, "RE-2026-0055", 45, -15, "EUR", new InvoiceLine("Market study DACH region", 1, 2_900m, 0m));
        ledger.BookPayment(paid, tanaka, Case(tanaka), new Payment(today.AddDays(-12), paid.Total, "TT-2026-1117"), today);

        var schmidt = Add("D-1007", "Lukas Schmidt", DebtorKind.Consumer, "de", "Europe/Zurich", "CH", "ZH");
        Bill(schmidt, "RE-2026-0079", 28, -14, "CHF", new InvoiceLine("Klavierunterricht November", 4, 65m, 8.1m));
        Stage(cases, schmidt.Id, "RE-2026-0079", 1, now, days: [11]);

        return new Portfolio(debtors, invoices, cases);
    }

    private static void Stage(List<DunningCase> cases, string debtorId, string number, int stage, DateTimeOffset now, int[] days)
    {
        var dunningCase = cases.Single(c => c.DebtorId == debtorId);
        dunningCase.Advance(number, stage);
        for (var i = 0; i < days.Length; i++)
        {
            var at = now.AddDays(-days[i]);
            dunningCase.Record(new CaseAction(at, CaseActionKinds.Reminder, $"Stage {i + 1} reminder sent", "webchat", [number], "bot"));
            dunningCase.LastContactAt = at;
        }
    }
}
