using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dunning.Bot.Api;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Api;

/// <summary>
/// The claim over HTTP, on 10 March 2026: a business invoice of €1,000 due 10 Jan 2026 (issued 27 Dec) is in default
/// from 10 Feb by the 30-day rule; interest at 10.27 % from then. Payments are allocated to interest before principal,
/// write-offs need a reason and never exceed the open claim, and every answer carries the same claim.
/// </summary>
public sealed class Owners_see_and_change_the_claim_through_the_api : IDisposable
{
    private readonly BotHost host = new(new()
    {
        ["Api:Keys:0:Name"] = "erp",
        ["Api:Keys:0:Sha256"] = ApiKeys.Hash(ApiFixture.Key),
    }, clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero)));

    private readonly HttpClient client;

    public Owners_see_and_change_the_claim_through_the_api()
    {
        client = host.CreateHttpClient();
        client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, ApiFixture.Key);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task CreateAsync(string number, bool? agreed = null)
    {
        (await client.PutAsJsonAsync("/api/v1/debtors/D-B", new { name = "Muster GmbH", kind = "business", country = "DE" })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"/api/v1/invoices/{number}",
            new { debtorId = "D-B", issueDate = "2025-12-27", dueDate = "2026-01-10", currency = "EUR", total = 1000m, dueDateAgreed = agreed })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_invoice_shows_its_claim_and_when_and_why_default_began()
    {
        await CreateAsync("RE-30");
        await CreateAsync("RE-CAL", agreed: true);

        var thirty = await Json(await client.GetAsync("/api/v1/invoices/RE-30"));
        var calendar = await Json(await client.GetAsync("/api/v1/invoices/RE-CAL"));

        // 10 Feb – 10 Mar, 29 days: 1000 × 10.27 % × 29/365 = 8.1597 → €8.16.
        var claim = thirty.GetProperty("claim");
        Assert.Equal((1000m, 8.16m, 0m, 1008.16m), (claim.GetProperty("principal").GetDecimal(), claim.GetProperty("interest").GetDecimal(),
            claim.GetProperty("paid").GetDecimal(), claim.GetProperty("open").GetDecimal()));
        Assert.Equal(("2026-02-10", "thirty_days", 1008.16m), (thirty.GetProperty("defaultSince").GetString(), thirty.GetProperty("defaultReason").GetString(), thirty.GetProperty("openBalance").GetDecimal()));
        // From 11 Jan, 59 days: 1000 × 10.27 % × 59/365 = 16.6008 → €16.60.
        Assert.Equal(("2026-01-11", "calendar_date", 16.60m), (calendar.GetProperty("defaultSince").GetString(), calendar.GetProperty("defaultReason").GetString(),
            calendar.GetProperty("claim").GetProperty("interest").GetDecimal()));
    }

    [Fact]
    public async Task A_payment_pays_interest_first_and_the_case_lists_the_same_open_claim()
    {
        await CreateAsync("RE-PAY");

        // On 1 Mar: interest 10 Feb – 28 Feb (19 days) 1000 × 10.27 % × 19/365 = €5.35 first, €494.65 to the principal.
        var paid = await Json(await client.PostAsJsonAsync("/api/v1/invoices/RE-PAY/payments", new { date = "2026-03-01", amount = 500m, reference = "SEPA-1" }));
        var entry = paid.GetProperty("claim").GetProperty("entries")[0];
        var open = paid.GetProperty("claim").GetProperty("open").GetDecimal();
        var caseInvoice = (await Json(await client.GetAsync("/api/v1/cases/D-B"))).GetProperty("invoices")[0];

        Assert.Equal(("payment", 5.35m, 494.65m), (entry.GetProperty("kind").GetString(), entry.GetProperty("toInterest").GetDecimal(), entry.GetProperty("toPrincipal").GetDecimal()));
        // 505.35 open principal; 1–10 Mar: 505.35 × 10.27 % × 10/365 = 1.4219 → €1.42.
        Assert.Equal((506.77m, "partiallyPaid"), (open, paid.GetProperty("status").GetString()));
        Assert.Equal(open, caseInvoice.GetProperty("openBalance").GetDecimal());
    }

    [Fact]
    public async Task A_write_off_needs_a_reason_stays_within_the_claim_and_writing_off_the_rest_closes_it()
    {
        await CreateAsync("RE-WO");

        var noReason = await client.PostAsJsonAsync("/api/v1/invoices/RE-WO/write-offs", new { amount = 10m, reason = " " });
        var tooMuch = await client.PostAsJsonAsync("/api/v1/invoices/RE-WO/write-offs", new { amount = 2000m, reason = "Kulanz" });
        var malformed = await client.PostAsync("/api/v1/invoices/RE-WO/write-offs", new StringContent("{\"amount\": \"viel\"}", Encoding.UTF8, "application/json"));
        var unknown = await client.PostAsJsonAsync("/api/v1/invoices/RE-NONE/write-offs", new { reason = "x" });
        var untouched = await Json(await client.GetAsync("/api/v1/invoices/RE-WO"));
        var part = await Json(await client.PostAsJsonAsync("/api/v1/invoices/RE-WO/write-offs", new { amount = 8.16m, reason = "Zinsen erlassen" }));
        var rest = await Json(await client.PostAsJsonAsync("/api/v1/invoices/RE-WO/write-offs", new { reason = "Insolvenz" }));
        var again = await client.PostAsJsonAsync("/api/v1/invoices/RE-WO/write-offs", new { reason = "noch mal" });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            (noReason.StatusCode, tooMuch.StatusCode, malformed.StatusCode, unknown.StatusCode));
        Assert.Equal(0, untouched.GetProperty("writeOffs").GetArrayLength());
        Assert.Equal((1000m, "partiallyPaid"), (part.GetProperty("openBalance").GetDecimal(), part.GetProperty("status").GetString()));
        Assert.Equal((0m, 1008.16m, "writtenOff"), (rest.GetProperty("openBalance").GetDecimal(), rest.GetProperty("claim").GetProperty("writtenOff").GetDecimal(), rest.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("/api/v1/invoices/{number}/write-offs", await (await host.CreateHttpClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        client.Dispose();
        host.Dispose();
    }
}
