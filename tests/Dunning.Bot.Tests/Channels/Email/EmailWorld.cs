using System.Net;
using System.Net.Http.Json;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Channels.Email;

/// <summary>
/// The real host with its e-mail channel pointed at a <see cref="MailServer"/>, a creditor letterhead and a payee, on a
/// fake clock (Monday 16 November 2026, 10:30 in Berlin). Debtors and invoices come in through the owner API.
/// </summary>
internal sealed class EmailWorld : IMailbox, IDisposable
{
    public const string From = "rechnung@muster-handwerk.test";

    public EmailWorld(MailServer server, Dictionary<string, string?>? extra = null)
    {
        Server = server;
        Clock = EndToEndHost.NewClock();
        var settings = server.Settings($"Muster Handwerk <{From}>");
        settings["Creditor:Name"] = "Muster Handwerk GmbH";
        settings["Creditor:Street"] = "Hauptstraße 5";
        settings["Creditor:PostalCode"] = "80331";
        settings["Creditor:City"] = "München";
        settings["Creditor:Phone"] = "+49 89 1234567";
        settings["Creditor:Signatory"] = "Anna Muster, Buchhaltung";
        settings["Creditor:Imprint:0"] = "Geschäftsführerin: Anna Muster";
        settings["Creditor:Imprint:1"] = "Amtsgericht München HRB 123456";
        settings["Bot:PublicBaseUrl"] = "https://zahlung.muster-handwerk.test";
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        Host = EndToEndHost.Start(Clock, settings: settings);
        Http = Host.CreateHttpClient();
        Http.DefaultRequestHeaders.Add(Dunning.Bot.Api.ApiKeys.HeaderName, EndToEndHost.ApiKey);
    }

    public MailServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public BotHost Host { get; }

    public HttpClient Http { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>A debtor with an e-mail address and one invoice issued 46 and due 32 days ago.</summary>
    public async Task DebtorAsync(string id, string name, string email, string language = "de", string kind = "business",
        string? contactPerson = null, string? salutation = null, string number = "RE-2026-0815", decimal total = 1190m, string? documentLink = null)
    {
        using var put = await Http.PutAsJsonAsync($"/api/v1/debtors/{id}", new
        {
            name, kind, language, timeZone = "Europe/Berlin", country = "DE", email, contactPerson, salutation,
        });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        using var invoice = await Http.PutAsJsonAsync($"/api/v1/invoices/{number}",
            new { debtorId = id, issueDate = today.AddDays(-46), dueDate = today.AddDays(-32), currency = "EUR", total, documentLink });
        Assert.Equal(HttpStatusCode.Created, invoice.StatusCode);
    }

    /// <summary>One sweep and one dispatch now.</summary>
    public async Task<DispatchReport> RemindAsync()
    {
        await Get<ScheduleSweep>().SweepAsync(CancellationToken.None);
        return await Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
    }

    public Task<IReadOnlyList<string>> PollAsync() => Get<ImapPoller>().PollAsync(CancellationToken.None);

    public async Task<Core.Domain.Debtor> DebtorAsync(string id) => (await Get<IDebtorStore>().FindAsync(id, CancellationToken.None))!;

    public void Dispose()
    {
        Http.Dispose();
        Host.Dispose();
    }
}
