using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Tests.Storage;

/// <summary>Domain objects with every field set to something unusual.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Moment = new DateTimeOffset(2026, 11, 26, 9, 30, 15, TimeSpan.FromHours(1)).AddTicks(1234567);

    public static Debtor Debtor(string id = "D-1", string? accessCode = null) => new()
    {
        Id = id,
        Name = "Müller & Söhne GmbH",
        Kind = DebtorKind.Business,
        Language = "en",
        TimeZone = "America/New_York",
        Country = "US",
        State = "NY",
        Email = "ap@example.com",
        Contacts =
        [
            new ContactAddress { Channel = ChannelKind.Telegram, Address = "123456789", OptedOutAt = Moment },
            new ContactAddress { Channel = ChannelKind.Teams, Address = "29:abc", DeadSince = Moment.AddDays(1), DeadReason = "blocked" },
        ],
        AccessCode = accessCode ?? "AC" + id.Replace("-", ""),
        LinkToken = "tok_" + id.Replace("-", "") + "_abcdefghijklmnop",
    };

    public static Invoice Invoice(string number = "RE-2026.001", string debtorId = "D-1")
    {
        var invoice = Core.Domain.Invoice.Create(number, debtorId, new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 14), "EUR", null,
            [new InvoiceLine("Beratung", 1.5m, 120.10m, 19m), new InvoiceLine("Fahrt", 3m, 0.333m, 7m)], "https://example.com/re.pdf");
        invoice.RecordPayment(new Payment(new DateOnly(2026, 2, 20), 10.01m, "SEPA-1"));
        invoice.PauseDunning("Klärung", Moment.AddDays(30), Moment);
        invoice.MarkDisputed("wrong hours");
        return invoice;
    }
}
