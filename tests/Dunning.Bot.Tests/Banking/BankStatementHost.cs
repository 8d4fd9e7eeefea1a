using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dunning.Bot.Api;
using Dunning.Bot.Tests.Api;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// The bot on loopback with a LiteDB file, on 10 March 2026, with an API key; debtors and invoices made over the API.
/// Without its schedule: the tests sweep themselves, and a start-up sweep must not run in between (on PostgreSQL the
/// job store can fire it only after a test booked its payments, and it then plans a settled debtor before the test does).
/// </summary>
internal sealed class BankStatementHost : IDisposable
{
    public BankStatementHost(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Api:Keys:0:Name"] = "erp",
            ["Api:Keys:0:Sha256"] = ApiKeys.Hash(ApiFixture.Key),
            ["Scheduling:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        Host = new BotHost(all, clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero)));
        Client = Host.CreateHttpClient();
        Client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, ApiFixture.Key);
    }

    public BotHost Host { get; }

    public HttpClient Client { get; }

    public async Task DebtorAsync(string id, string name) =>
        (await Client.PutAsJsonAsync($"/api/v1/debtors/{id}", new { name, kind = "business", country = "DE", email = $"{id.ToLowerInvariant()}@example.org" })).EnsureSuccessStatusCode();

    /// <summary>An invoice issued 27 Dec 2025; due 10 Jan (in default since 10 Feb, interest runs) unless <paramref name="due"/> says otherwise.</summary>
    public async Task InvoiceAsync(string number, string debtorId, decimal total, string due = "2026-01-10") =>
        (await Client.PutAsJsonAsync($"/api/v1/invoices/{number}",
            new { debtorId, issueDate = "2025-12-27", dueDate = due, currency = "EUR", total })).EnsureSuccessStatusCode();

    public async Task<(int Status, JsonElement Body)> ImportAsync(string statement, bool dryRun = false)
    {
        var response = await Client.PostAsync($"/api/v1/bank-statements{(dryRun ? "?dryRun=true" : "")}", new StringContent(statement, Encoding.UTF8, "application/xml"));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement);
    }

    public async Task<JsonElement> InvoiceAsync(string number) =>
        JsonDocument.Parse(await Client.GetStringAsync($"/api/v1/invoices/{number}")).RootElement;

    public async Task<JsonElement> ReviewAsync() =>
        JsonDocument.Parse(await Client.GetStringAsync("/api/v1/bank-statements/review")).RootElement;

    public static IReadOnlyList<string> Strings(JsonElement list, string property) =>
        [.. list.EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];

    public void Dispose()
    {
        Client.Dispose();
        Host.Dispose();
    }
}
