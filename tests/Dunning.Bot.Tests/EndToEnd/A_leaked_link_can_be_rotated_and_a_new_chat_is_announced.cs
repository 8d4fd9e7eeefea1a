using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Staff.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>
/// A leaked link token does not quietly take over the reminders: the owner can rotate the debtor's link token and access
/// code, and a new chat bound on a channel that already had one is announced on the old chat and to staff.
/// </summary>
public sealed class A_leaked_link_can_be_rotated_and_a_new_chat_is_announced : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = EndToEndHost.NewClock();
    private readonly Infrastructure.BotHost host;

    public A_leaked_link_can_be_rotated_and_a_new_chat_is_announced() => host = EndToEndHost.Start(clock);

    [Fact]
    public async Task After_a_rotation_the_old_link_and_code_bind_nothing_and_the_new_ones_do()
    {
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-300", "Erika Mustermann", "en", "RE-2026-300", 300m);
        using var api = ApiClient();

        using var rotate = await api.PostAsync(new Uri("/api/v1/debtors/K-300/rotate", UriKind.Relative), null);
        using var unknown = await api.PostAsync(new Uri("/api/v1/debtors/K-999/rotate", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var rotated = await rotate.Content.ReadFromJsonAsync<JsonElement>();
        var newCode = rotated.GetProperty("accessCode").GetString()!;
        var newLink = rotated.GetProperty("links").GetProperty("chat").GetString()!;
        Assert.NotEqual(debtor.AccessCode, newCode);
        Assert.DoesNotContain(debtor.LinkToken, newLink, StringComparison.Ordinal);

        var withOldLink = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.StartsWith("Sorry, this link is not (or no longer) valid.", WebChatter.Text(Assert.Single(await withOldLink.JoinAsync(debtor.LinkToken, "en-US"))), StringComparison.Ordinal);
        Assert.StartsWith("Sorry, that code does not match.", await withOldLink.AskAsync(debtor.AccessCode), StringComparison.Ordinal);
        var withNewCode = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.Single(await withNewCode.JoinAsync(null, "en-US"));
        Assert.StartsWith("Hello Erika Mustermann", await withNewCode.AskAsync(newCode), StringComparison.Ordinal);

        var audit = await host.Services.GetRequiredService<IAuditLog>().ListAsync("K-300", 10, CancellationToken.None);
        var entry = Assert.Single(audit, a => a.Action == "rotate-proofs");
        Assert.Equal("api:erp", entry.Actor);
        Assert.DoesNotContain(newCode, $"{entry.Target} {entry.Before} {entry.After}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_chat_bound_with_the_link_is_announced_on_the_first_chat_in_the_case_and_to_the_owner()
    {
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-310", "Erika Mustermann", "en", "RE-2026-310", 310m);
        using var stop = new CancellationTokenSource();
        var alerts = host.Services.GetRequiredService<ConsoleBroadcaster>().Subscribe(stop.Token);
        var first = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.Single(await first.JoinAsync(debtor.LinkToken, "en-US"));

        var second = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.StartsWith("Hello Erika Mustermann", WebChatter.Text(Assert.Single(await second.JoinAsync(debtor.LinkToken, "en-US"))), StringComparison.Ordinal);

        var notice = await first.NextReplyAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("Please note: your customer account has just been linked to a new chat.", notice, StringComparison.Ordinal);
        var stored = await host.Services.GetRequiredService<IDebtorStore>().FindAsync(debtor.Id, CancellationToken.None);
        Assert.Equal(second.Client.ConversationId, stored!.Contact(ChannelKind.WebChat)!.Address);
        var history = (await host.Services.GetRequiredService<ICaseStore>().FindAsync(debtor.Id, CancellationToken.None))!.History;
        Assert.Single(history, h => h.Kind == "rebound" && h.Channel == ChannelKind.WebChat);
        Assert.True(alerts.TryRead(out var alert), "The owner was not alerted.");
        Assert.Contains("\"reason\":\"NewBinding\"", alert!.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_chat_linking_again_announces_nothing()
    {
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-320", "Erika Mustermann", "en", "RE-2026-320", 320m);
        var chat = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.Single(await chat.JoinAsync(debtor.LinkToken, "en-US"));
        Assert.Single(await chat.JoinAsync(debtor.LinkToken, "en-US"));

        var history = (await host.Services.GetRequiredService<ICaseStore>().FindAsync(debtor.Id, CancellationToken.None))!.History;
        Assert.DoesNotContain(history, h => h.Kind == "rebound");
    }

    private HttpClient ApiClient()
    {
        var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Add(Dunning.Bot.Api.ApiKeys.HeaderName, EndToEndHost.ApiKey);
        return http;
    }

    public void Dispose() => host.Dispose();
}
