using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dunning.Bot.Tests.Api;

public sealed class Owners_manage_debtors_and_invoices_through_the_api(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Putting_a_new_debtor_creates_it_with_an_access_code_and_a_chat_link()
    {
        var response = await api.PutDebtorAsync("D-NEW-1");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(8, body.GetProperty("accessCode").GetString()!.Length);
        Assert.Contains("/chat?t=", body.GetProperty("links").GetProperty("chat").GetString());

        var again = await api.Client.PutAsJsonAsync("/api/v1/debtors/D-NEW-1", new { name = "Erika Neu" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var updated = await Json(again);
        Assert.Equal("Erika Neu", updated.GetProperty("name").GetString());
        Assert.Equal(body.GetProperty("accessCode").GetString(), updated.GetProperty("accessCode").GetString());
    }

    [Theory]
    [InlineData("{\"name\": 42}", "name")]
    [InlineData("{\"name\": \"A\", \"kind\": \"alien\"}", "kind")]
    [InlineData("{\"nme\": \"typo\"}", "nme")]
    [InlineData("{\"name\": \"A\"", "")]
    public async Task A_malformed_debtor_body_gets_400_naming_the_problem_and_stores_nothing(string json, string mentioned)
    {
        var response = await api.Client.PutAsync("/api/v1/debtors/D-BAD-1", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentioned, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/api/v1/debtors/D-BAD-1")).StatusCode);
    }

    [Fact]
    public async Task An_unsupported_language_or_time_zone_is_refused_with_422()
    {
        var language = await api.Client.PutAsJsonAsync("/api/v1/debtors/D-BAD-2", new { name = "X", language = "fr" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, language.StatusCode);
        var zone = await api.Client.PutAsJsonAsync("/api/v1/debtors/D-BAD-3", new { name = "X", timeZone = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, zone.StatusCode);
        Assert.Contains("Mars/Olympus", await zone.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invalid_identifier_is_refused()
    {
        var response = await api.Client.PutAsJsonAsync("/api/v1/debtors/" + new string('x', 65), new { name = "X" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_gets_413_and_changes_nothing()
    {
        var huge = JsonSerializer.Serialize(new { name = new string('a', 70_000) });
        var response = await api.Client.PutAsync("/api/v1/debtors/D-BIG-1", new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/api/v1/debtors/D-BIG-1")).StatusCode);
    }

    [Fact]
    public async Task An_invoice_for_an_unknown_debtor_is_refused()
    {
        var response = await api.PutInvoiceAsync("INV-NODEBTOR", "nobody");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/api/v1/invoices/INV-NODEBTOR")).StatusCode);
    }

    [Theory]
    [InlineData(119, "EUR", "2026-10-15", "2026-10-01", "before the issue date")]
    [InlineData(119, "EUX", "2026-10-01", "2026-10-15", "Unknown currency")]
    [InlineData(0, "EUR", "2026-10-01", "2026-10-15", "must be positive")]
    [InlineData(-5, "EUR", "2026-10-01", "2026-10-15", "must be positive")]
    public async Task An_invalid_invoice_is_refused_with_the_reason_and_not_stored(decimal total, string currency, string issue, string due, string reason)
    {
        await api.PutDebtorAsync("D-INV-BAD");
        var number = $"INV-BAD-{Guid.NewGuid():N}"[..20];
        var response = await api.PutInvoiceAsync(number, "D-INV-BAD", total, currency, issue, due);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync($"/api/v1/invoices/{number}")).StatusCode);
    }

    [Fact]
    public async Task Lines_must_add_up_to_the_total()
    {
        await api.PutDebtorAsync("D-LINES");
        var lines = new[] { new { description = "Work", quantity = 2m, unitPrice = 50m, vatRate = 19m } };
        var ok = await api.Client.PutAsJsonAsync("/api/v1/invoices/INV-LINES-1", new { debtorId = "D-LINES", issueDate = "2026-10-01", dueDate = "2026-10-15", currency = "EUR", lines });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(119m, (await Json(ok)).GetProperty("total").GetDecimal());

        var wrong = await api.Client.PutAsJsonAsync("/api/v1/invoices/INV-LINES-2", new { debtorId = "D-LINES", issueDate = "2026-10-01", dueDate = "2026-10-15", currency = "EUR", total = 120m, lines });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
    }

    [Fact]
    public async Task Re_putting_an_invoice_updates_it_but_its_currency_cannot_change()
    {
        await api.PutDebtorAsync("D-UPD");
        Assert.Equal(HttpStatusCode.Created, (await api.PutInvoiceAsync("INV-UPD", "D-UPD", 100m)).StatusCode);
        var update = await api.PutInvoiceAsync("INV-UPD", "D-UPD", 150m, due: "2026-10-30");
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var body = await Json(update);
        Assert.Equal(150m, body.GetProperty("total").GetDecimal());
        Assert.Equal("2026-10-30", body.GetProperty("dueDate").GetString());

        var currency = await api.PutInvoiceAsync("INV-UPD", "D-UPD", 150m, "USD", due: "2026-10-30");
        Assert.Equal(HttpStatusCode.Conflict, currency.StatusCode);
    }

    [Fact]
    public async Task Payments_reduce_the_balance_and_an_overpayment_becomes_credit()
    {
        await api.PutDebtorAsync("D-PAY");
        await api.PutInvoiceAsync("INV-PAY", "D-PAY", 300m);

        var partial = await api.Client.PostAsJsonAsync("/api/v1/invoices/INV-PAY/payments", new { date = "2026-10-20", amount = 100.50m, reference = "T1" });
        var afterPartial = await Json(partial);
        Assert.Equal(199.50m, afterPartial.GetProperty("openBalance").GetDecimal());
        Assert.Equal("partiallyPaid", afterPartial.GetProperty("status").GetString());

        var over = await Json(await api.Client.PostAsJsonAsync("/api/v1/invoices/INV-PAY/payments", new { date = "2026-10-21", amount = 250m, reference = "T2" }));
        Assert.Equal(0m, over.GetProperty("openBalance").GetDecimal());
        Assert.Equal(50.50m, over.GetProperty("credit").GetDecimal());
        Assert.Equal("paid", over.GetProperty("status").GetString());

        var negative = await api.Client.PostAsJsonAsync("/api/v1/invoices/INV-PAY/payments", new { date = "2026-10-21", amount = -1m });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, negative.StatusCode);
    }

    [Fact]
    public async Task Pausing_stops_dunning_until_resumed_and_a_past_expiry_is_refused()
    {
        await api.PutDebtorAsync("D-PAUSE");
        await api.PutInvoiceAsync("INV-PAUSE", "D-PAUSE");
        var pause = await api.Client.PutAsJsonAsync("/api/v1/invoices/INV-PAUSE/pause", new { reason = "Kunde ruft zurück" });
        Assert.Equal("paused", (await Json(pause)).GetProperty("status").GetString());

        var resumed = await api.Client.DeleteAsync("/api/v1/invoices/INV-PAUSE/pause");
        Assert.Equal("open", (await Json(resumed)).GetProperty("status").GetString());

        var past = await api.Client.PutAsJsonAsync("/api/v1/invoices/INV-PAUSE/pause", new { reason = "x", until = "2000-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
    }

    [Fact]
    public async Task Cases_list_each_debtor_with_open_invoices_and_history()
    {
        await api.PutDebtorAsync("D-CASE");
        await api.PutInvoiceAsync("INV-CASE", "D-CASE", 80m);
        await api.Client.PostAsJsonAsync("/api/v1/invoices/INV-CASE/payments", new { date = "2026-10-20", amount = 30m, reference = "C1" });

        var single = await Json(await api.Client.GetAsync("/api/v1/cases/D-CASE"));
        var invoice = single.GetProperty("invoices")[0];
        Assert.Equal("INV-CASE", invoice.GetProperty("number").GetString());
        Assert.Equal(50m, invoice.GetProperty("openBalance").GetDecimal());
        Assert.True(single.GetProperty("actions").GetInt32() >= 1);

        var all = await Json(await api.Client.GetAsync("/api/v1/cases"));
        Assert.Contains(all.EnumerateArray(), c => c.GetProperty("debtorId").GetString() == "D-CASE");
    }
}
