using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Letters;

/// <summary>
/// The real host with the owner API key, a payee, a creditor letterhead and a known Telegram bot username, and two
/// debtors: a German consumer with a postal address and one open invoice (D-1), an English business with two (D-2).
/// </summary>
internal sealed class LetterHost : IDisposable
{
    public const string TelegramBot = "mueller_rechnung_bot";

    public LetterHost()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        Host = new BotHost(EndToEndHost.Settings(new()
        {
            ["Creditor:Name"] = "Müller Haustechnik GmbH",
            ["Creditor:Street"] = "Lindenstraße 12",
            ["Creditor:PostalCode"] = "80331",
            ["Creditor:City"] = "München",
            ["Creditor:Phone"] = "089 1234567",
            ["Creditor:Email"] = "rechnung@mueller-haustechnik.test",
            ["Creditor:Signatory"] = "Anna Müller, Buchhaltung",
            ["Creditor:Imprint:0"] = "Geschäftsführerin: Anna Müller · Amtsgericht München HRB 12345",
        }), clock: Clock, services: s => s.AddSingleton(new TelegramBotIdentity(TelegramBot, 0)));
        var german = new Debtor
        {
            Id = "D-1", Name = "Erika Muster", AccessCode = "K7MP9XQ2", LinkToken = "tok_d1_abcdefghijklmnopqrst",
            Street = "Hauptstraße 5", PostalCode = "10115", City = "Berlin", Salutation = "Frau", ContactPerson = "Muster",
        };
        var english = new Debtor
        {
            Id = "D-2", Name = "Oak Joinery Ltd", Kind = DebtorKind.Business, Language = "en", Country = "GB", AccessCode = "P4RW8TZ3",
            LinkToken = "tok_d2_abcdefghijklmnopqrst", Street = "1 High Street", PostalCode = "OX1 1AA", City = "Oxford", ContactPerson = "Jones", Salutation = "Ms",
        };
        Host.Services.GetRequiredService<IInvoiceStore>().SaveBatchAsync([german, english],
        [
            Invoice.Create("RE-100", "D-1", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "EUR", 119m),
            Invoice.Create("RE-200", "D-2", new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 2), "EUR", 400m),
            Invoice.Create("RE-201", "D-2", new DateOnly(2026, 11, 9), new DateOnly(2026, 12, 9), "EUR", 80.5m),
        ], [new DunningCase { DebtorId = "D-1" }, new DunningCase { DebtorId = "D-2" }], CancellationToken.None).GetAwaiter().GetResult();
    }

    public BotHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>An HTTP client with the owner's API key.</summary>
    public HttpClient Owner()
    {
        var http = Host.CreateHttpClient();
        http.DefaultRequestHeaders.Add(Dunning.Bot.Api.ApiKeys.HeaderName, EndToEndHost.ApiKey);
        return http;
    }

    public void Dispose() => Host.Dispose();
}
