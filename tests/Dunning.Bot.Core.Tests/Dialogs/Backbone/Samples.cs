using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Tests.Fakes;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>Two debtors: Erika (German, two open invoices, €359.50) and John (English, one open invoice, €80.00).</summary>
internal static class Samples
{
    public const string Erika = "D-1";
    public const string ErikaCode = "ABCD2345";
    public const string ErikaToken = "erika_token_0123456789ab";
    public const string John = "D-2";
    public const string JohnCode = "WXYZ6789";
    public const string JohnToken = "john_token_0123456789abc";

    public static void Seed(InMemoryDebtorStore debtors, InMemoryInvoiceStore invoices)
    {
        debtors.SaveAsync(new Debtor { Id = Erika, Name = "Erika Mustermann", Language = "de", AccessCode = ErikaCode, LinkToken = ErikaToken }, CancellationToken.None);
        debtors.SaveAsync(new Debtor { Id = John, Name = "John Smith", Language = "en", TimeZone = "Europe/London", AccessCode = JohnCode, LinkToken = JohnToken }, CancellationToken.None);
        invoices.SaveAsync(Invoice.Create("RE-2026-0041", Erika, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 15), "EUR", 119.00m), CancellationToken.None);
        invoices.SaveAsync(Invoice.Create("RE-2026-0042", Erika, new DateOnly(2026, 10, 20), new DateOnly(2026, 11, 3), "EUR", 240.50m), CancellationToken.None);
        invoices.SaveAsync(Invoice.Create("RE-2026-0050", John, new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 19), "EUR", 80.00m), CancellationToken.None);
    }

    public static object ErikaLinked => new { name = "Erika Mustermann", address = "Erika Mustermann", business = false, open_count = 2, totals = new[] { Money.Euro(359.50m) } };

    public static object JohnLinked => new { name = "John Smith", address = "John Smith", business = false, open_count = 1, totals = new[] { Money.Euro(80.00m) } };
}
