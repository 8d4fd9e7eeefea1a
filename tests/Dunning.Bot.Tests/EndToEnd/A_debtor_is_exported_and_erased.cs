using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>
/// The owner API exports everything about a debtor as JSON and erases a debtor: personal data and conversation content
/// go, the bookkeeping (invoice numbers, dates, amounts, payments) stays under a pseudonym. Both are audited.
/// </summary>
public sealed class A_debtor_is_exported_and_erased : IDisposable
{
    private const string Name = "Erika Mustermann";
    private const string Words = "Ich bin seit Oktober krank und kann gerade nicht zahlen";
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = EndToEndHost.NewClock();
    private readonly Infrastructure.BotHost host;
    private readonly HttpClient api;

    public A_debtor_is_exported_and_erased()
    {
        host = EndToEndHost.Start(clock);
        api = host.CreateHttpClient();
        api.DefaultRequestHeaders.Add(Dunning.Bot.Api.ApiKeys.HeaderName, EndToEndHost.ApiKey);
    }

    [Fact]
    public async Task The_export_holds_the_debtor_invoices_case_conversations_and_transcripts()
    {
        var (debtor, chat) = await DebtorWhoChattedAsync("K-400", "RE-2026-400");

        using var export = await api.GetAsync(new Uri("/api/v1/debtors/K-400/export", UriKind.Relative));
        using var unknown = await api.GetAsync(new Uri("/api/v1/debtors/K-999/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var json = await export.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Name, json.GetProperty("debtor").GetProperty("name").GetString());
        Assert.Equal("RE-2026-400", json.GetProperty("invoices")[0].GetProperty("number").GetString());
        Assert.Equal(400m, json.GetProperty("invoices")[0].GetProperty("principal").GetDecimal());
        Assert.NotEmpty(json.GetProperty("case").EnumerateArray());
        Assert.Contains(json.GetProperty("conversations").EnumerateArray(), c => c.GetProperty("key").GetString() == $"webchat/{chat.Client.ConversationId}");
        Assert.Contains(json.GetProperty("transcripts").EnumerateArray(), t => t.GetProperty("text").GetString() == Words);
        Assert.True(json.TryGetProperty("agreements", out _) && json.TryGetProperty("escalations", out _));
        var audit = await host.Services.GetRequiredService<IAuditLog>().ListAsync(debtor.Id, 10, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "export" && a.Actor == "api:erp");
    }

    [Fact]
    public async Task Erasing_keeps_the_bookkeeping_pseudonymized_and_leaves_no_personal_data_or_chat_content()
    {
        var (debtor, chat) = await DebtorWhoChattedAsync("K-410", "RE-2026-410");
        var payment = await api.PostAsJsonAsync("/api/v1/invoices/RE-2026-410/payments", new { amount = 10m, date = "2026-11-10", reference = "Überweisung Mustermann" });
        Assert.True(payment.IsSuccessStatusCode, await payment.Content.ReadAsStringAsync());

        using var erase = await api.DeleteAsync(new Uri("/api/v1/debtors/K-410", UriKind.Relative));
        using var unknown = await api.DeleteAsync(new Uri("/api/v1/debtors/K-999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var stored = await host.Services.GetRequiredService<IDebtorStore>().FindAsync(debtor.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.NotEqual(Name, stored.Name);
        Assert.Null(stored.Email);
        Assert.Empty(stored.Contacts);
        Assert.Null(await host.Services.GetRequiredService<IDebtorStore>().FindByLinkTokenAsync(debtor.LinkToken, CancellationToken.None));
        var invoice = await host.Services.GetRequiredService<IInvoiceStore>().FindAsync("RE-2026-410", CancellationToken.None);
        Assert.Equal((410m, new DateOnly(2026, 10, 15), 10m), (invoice!.Total, invoice.DueDate, invoice.Payments.Sum(p => p.Amount)));
        Assert.Empty(await host.Services.GetRequiredService<ITranscriptStore>().ListByDebtorAsync(debtor.Id, 100, CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<IConversationStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        var history = (await host.Services.GetRequiredService<ICaseStore>().FindAsync(debtor.Id, CancellationToken.None))!.History;
        Assert.All(history.Where(h => h.Kind != "erased"), h => Assert.Equal("", h.Summary));
        var places = PlacesHolding(Name, Words, debtor.AccessCode, chat.Client.ConversationId);
        Assert.True(places.Count == 0, string.Join("\n", places));
        using var afterwards = await chat.Client.PostAsync("""{"type":"message","text":"hallo?"}""");
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
        var audit = await host.Services.GetRequiredService<IAuditLog>().ListAsync(debtor.Id, 10, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "erase" && a.Actor == "api:erp");
    }

    /// <summary>A debtor with one invoice who linked a web chat and told the bot something personal.</summary>
    private async Task<(SeededDebtor Debtor, WebChatter Chat)> DebtorWhoChattedAsync(string id, string number)
    {
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync(id, Name, "de", number, decimal.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture));
        using var email = await api.PutAsJsonAsync($"/api/v1/debtors/{id}", new { name = Name, email = "erika@example.org" });
        var chat = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.NotEmpty(await chat.JoinAsync(debtor.LinkToken, "de-DE"));
        Assert.NotEmpty(await chat.SayAsync(Words));
        return (debtor, chat);
    }

    /// <summary>The collections (the audit log aside) whose documents still contain any of <paramref name="secrets"/>.</summary>
    private List<string> PlacesHolding(params string[] secrets)
    {
        var database = host.Services.GetRequiredService<LiteDbContext>().Database;
        return [.. database.GetCollectionNames().Where(n => n != "staff_audit")
            .SelectMany(n => database.GetCollection(n).FindAll().Select(d => (n, d.ToString())))
            .Where(x => secrets.Any(s => x.Item2.Contains(s, StringComparison.Ordinal)))
            .Select(x => $"{x.n}: {x.Item2}")];
    }

    public void Dispose()
    {
        api.Dispose();
        host.Dispose();
    }
}
