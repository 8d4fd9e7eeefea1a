using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>Seeds and reads debtors and invoices through the real owner REST API, as an ERP would.</summary>
internal sealed class OwnerApi(HttpClient http, TimeProvider clock) : IDisposable
{
    /// <summary>Creates a debtor and returns its access code and the link token from its chat link.</summary>
    public async Task<SeededDebtor> DebtorAsync(string id, string name, string language)
    {
        using var put = await http.PutAsJsonAsync($"/api/v1/debtors/{id}",
            new { name, kind = "consumer", language, timeZone = "Europe/Berlin", country = "DE" });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var json = await put.Content.ReadFromJsonAsync<JsonElement>();
        var chat = new Uri(json.GetProperty("links").GetProperty("chat").GetString()!);
        var token = Uri.UnescapeDataString(chat.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("t=", StringComparison.Ordinal))[2..]);
        return new SeededDebtor(id, name, json.GetProperty("accessCode").GetString()!, token);
    }

    /// <summary>An invoice issued 46 days ago and due 32 days ago by <c>clock</c> (1 and 15 October on the fixed test day).</summary>
    public async Task InvoiceAsync(string number, string debtorId, decimal total)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        using var put = await http.PutAsJsonAsync($"/api/v1/invoices/{number}",
            new { debtorId, issueDate = today.AddDays(-46), dueDate = today.AddDays(-32), currency = "EUR", total });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
    }

    /// <summary>One debtor with one overdue invoice of <paramref name="total"/> EUR.</summary>
    public async Task<SeededDebtor> DebtorWithInvoiceAsync(string id, string name, string language, string number, decimal total)
    {
        var debtor = await DebtorAsync(id, name, language);
        await InvoiceAsync(number, id, total);
        return debtor;
    }

    public async Task<JsonElement> GetInvoiceAsync(string number)
    {
        using var get = await http.GetAsync(new Uri($"/api/v1/invoices/{number}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        return await get.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetCaseAsync(string debtorId)
    {
        using var get = await http.GetAsync(new Uri($"/api/v1/cases/{debtorId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        return await get.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose() => http.Dispose();
}

/// <summary>A debtor as the owner API created it: what a reminder letter would print (code) and link (token).</summary>
internal sealed record SeededDebtor(string Id, string Name, string AccessCode, string LinkToken);
