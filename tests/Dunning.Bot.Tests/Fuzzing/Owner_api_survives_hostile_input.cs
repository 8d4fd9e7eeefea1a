using System.Net;
using System.Net.Http.Json;
using Dunning.Bot.Api;

namespace Dunning.Bot.Tests.Fuzzing;

/// <summary>
/// 10,000 generated hostile bodies against the owner API's writing endpoints (debtors, invoices, payments, pauses),
/// with a valid key: every answer a 4xx, no error logged, no stored data changed.
/// </summary>
public sealed class Owner_api_survives_hostile_input
{
    private const string Key = "dbk_fuzz-owner-key";

    private static readonly (HttpMethod Method, string Path, string Template)[] Endpoints =
    [
        (HttpMethod.Put, "/api/v1/debtors/K-1", """{"name":@@V,"language":"de","email":"@@S"}"""),
        (HttpMethod.Put, "/api/v1/invoices/RE-1", """{"debtorId":@@V,"issueDate":"2026-11-01","dueDate":"2026-11-15","currency":"EUR","total":10,"documentLink":"@@S"}"""),
        (HttpMethod.Post, "/api/v1/invoices/RE-1/payments", """{"date":@@V,"amount":5,"reference":"@@S"}"""),
        (HttpMethod.Put, "/api/v1/invoices/RE-1/pause", """{"reason":@@V,"until":"@@S"}"""),
    ];

    [Fact]
    public async Task Ten_thousand_hostile_inputs_get_4xx_and_change_nothing()
    {
        var logs = new LogCapture();
        using var host = FuzzHost.Start(logs, new() { ["Api:Keys:0:Name"] = "fuzz", ["Api:Keys:0:Sha256"] = ApiKeys.Hash(Key) });
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Add(ApiKeys.HeaderName, Key);
        using (var debtor = await http.PutAsJsonAsync("/api/v1/debtors/K-1", new { name = "Erika Mustermann" }))
            Assert.Equal(HttpStatusCode.Created, debtor.StatusCode);
        using (var invoice = await http.PutAsJsonAsync("/api/v1/invoices/RE-1", new { debtorId = "K-1", issueDate = "2026-11-01", dueDate = "2026-11-15", currency = "EUR", total = 10m }))
            Assert.Equal(HttpStatusCode.Created, invoice.StatusCode);
        var before = host.Snapshot();

        await FuzzRun.RunAsync(http, new HostileInputs(1703, 1024 * 1024, "\"K-1\"", [.. Endpoints.Select(e => e.Template)]), (i, input) =>
        {
            // Any template may go to any endpoint: the bodies are invalid either way.
            var endpoint = Endpoints[i % Endpoints.Length];
            return new HttpRequestMessage(endpoint.Method, endpoint.Path) { Content = input.Content() };
        });

        Assert.Equal(before, host.Snapshot());
        Assert.Empty(logs.Errors);
    }
}
