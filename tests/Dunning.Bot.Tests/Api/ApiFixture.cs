using System.Net.Http.Json;
using Dunning.Bot.Api;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Api;

/// <summary>A host with one configured API key and a client that sends it.</summary>
public sealed class ApiFixture : IDisposable
{
    public const string Key = "dbk_test-key-for-the-owner-api";

    public ApiFixture()
    {
        Host = new BotHost(new()
        {
            ["Api:Keys:0:Name"] = "erp",
            ["Api:Keys:0:Sha256"] = ApiKeys.Hash(Key),
            ["Api:MaxBodyBytes"] = "65536",
        });
        Client = Host.CreateHttpClient();
        Client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, Key);
    }

    public BotHost Host { get; }

    public HttpClient Client { get; }

    public HttpClient Anonymous() => Host.CreateHttpClient();

    public async Task<HttpResponseMessage> PutDebtorAsync(string id, string language = "de") =>
        await Client.PutAsJsonAsync($"/api/v1/debtors/{id}", new { name = "Erika Muster", kind = "consumer", language, timeZone = "Europe/Berlin", country = "DE" });

    public async Task<HttpResponseMessage> PutInvoiceAsync(string number, string debtorId, decimal total = 119m, string currency = "EUR",
        string issue = "2026-10-01", string due = "2026-10-15") =>
        await Client.PutAsJsonAsync($"/api/v1/invoices/{number}", new { debtorId, issueDate = issue, dueDate = due, currency, total });

    public void Dispose()
    {
        Client.Dispose();
        Host.Dispose();
    }
}
