using System.Globalization;
using System.Net;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Channels.WebChat;
using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.SeveralHosts;

/// <summary>
/// A Direct Line conversation behind a load balancer without sticky sessions: each turn of a deferral negotiation lands
/// on the next of three host processes (A, B, C, A, B), all on one PostgreSQL database. Every reply is the one the dialog
/// owes at that step, and the agreement the last host records is the one negotiated on the others. A stranger's token,
/// issued by one host, opens the conversation on none.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Three_hosts_carry_one_web_chat_conversation(PostgresServer server) : IAsyncLifetime
{
    private ThreeHosts cluster = null!;

    public async Task InitializeAsync() => cluster = await ThreeHosts.CreateAsync(server);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [PostgresFact]
    public async Task A_deferral_negotiated_across_hosts_turn_by_turn_keeps_its_dialog_state_and_ends_in_one_agreement()
    {
        var now = TimeProvider.System.GetUtcNow();
        var zone = NoonZone.At(now);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        var payBy = today.AddDays(14);
        var debtor = new Debtor { Id = "W-1", Name = "Erika Mustermann", Language = "de", TimeZone = zone, AccessCode = "ACW1", LinkToken = "LTW1-abcdefghijklmnop" };
        await new PostgreSqlInvoiceStore(cluster.Database).SaveBatchAsync([debtor],
            [Invoice.Create("RE-W-1", debtor.Id, today.AddDays(-24), today.AddDays(-10), "EUR", 480m)], [], CancellationToken.None);
        await cluster.StartAsync(new Dictionary<string, string> { ["Scheduling:SweepCron"] = "0 0 0 1 1 ? 2099" });
        using var balancer = new HostSwitch([.. cluster.Hosts.Select(h => h.BaseAddress!)]);
        using var http = new HttpClient(balancer) { BaseAddress = cluster.Hosts[0].BaseAddress };

        var chat = await WebChatter.OpenAsync(http);
        var greeting = WebChatter.Text(Assert.Single(await chat.JoinAsync(debtor.LinkToken, "de-DE")));
        balancer.Target = 1;
        var askDate = await chat.AskAsync("Ich brauche mehr Zeit");
        balancer.Target = 2;
        var proposal = await chat.AskAsync(payBy.ToString("dd.MM.", CultureInfo.InvariantCulture));
        balancer.Target = 0;
        var agreed = await chat.AskAsync("Ja");
        balancer.Target = 1;
        var recalled = await chat.AskAsync("Was haben wir vereinbart?");

        Assert.StartsWith("Guten Tag, Erika Mustermann! Schön, dass Sie sich melden.", greeting, StringComparison.Ordinal);
        Assert.Equal("Gern, finden wir einen Termin. Bis wann können Sie zahlen?", askDate);
        var date = payBy.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"bis zum {date}", proposal, StringComparison.Ordinal);
        Assert.EndsWith("Soll ich das so festhalten?", proposal, StringComparison.Ordinal);
        Assert.StartsWith("Einverstanden, ich habe die Vereinbarung zur Rechnung RE-W-1 festgehalten.", agreed, StringComparison.Ordinal);
        Assert.Contains(date, recalled, StringComparison.Ordinal);
        Assert.Equal([0, 1, 2], balancer.Served.Distinct().Order());

        balancer.Target = 2;
        var stranger = new DirectLineClient(http);
        await stranger.StartAsync();
        foreach (var host in new[] { 0, 1, 2 })
        {
            balancer.Target = host;
            using var read = await stranger.GetAsync(conversationId: chat.Client.ConversationId);
            using var write = await stranger.PostAsync("{\"type\":\"message\",\"text\":\"Nein\"}", conversationId: chat.Client.ConversationId);
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (read.StatusCode, write.StatusCode));
        }
        var agreement = Assert.Single(await new PostgreSqlAgreementStore(cluster.Database).ListByDebtorAsync(debtor.Id, CancellationToken.None));
        Assert.Equal((AgreementKind.Deferral, AgreementState.Active, payBy), (agreement.Kind, agreement.State, agreement.Schedule[0].DueDate));
    }
}
