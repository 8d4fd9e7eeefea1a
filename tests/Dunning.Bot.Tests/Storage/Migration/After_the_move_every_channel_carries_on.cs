using System.Globalization;
using System.Net;
using System.Text;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Channels.Email;
using Dunning.Bot.Tests.Channels.Teams;
using Dunning.Bot.Tests.Channels.WebChat;
using Dunning.Bot.Tests.Coordination;
using Dunning.Bot.Tests.Fakes.Telegram;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Storage.Migration;

/// <summary>
/// <c>migrate-storage</c> moves the channels' own state too: a host started on PostgreSQL after the move continues an
/// open web chat with the next watermark, runs no second turn for a web chat post or a Teams activity retried across
/// the move, handles no Telegram update twice, alerts the owner on the chat linked before the move and takes no e-mail
/// twice — each on a LiteDB file the real host wrote.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class After_the_move_every_channel_carries_on(PostgresServer server, MailServer mail) : IClassFixture<MailServer>, IAsyncLifetime
{
    private const string OwnerCode = "Own3r-Link-Code_7QX2";
    private const string Secret = "s3cr3t_Webhook-Token";
    private static readonly FakeUser Olga = new(777001, "Olga", "Inhaber", "olga_i", "de");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(120));
    private FakeTelegramServer telegram = null!;

    private CancellationToken Ct => timeout.Token;

    public async Task InitializeAsync() => telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions(), Ct);

    [PostgresFact]
    public async Task A_web_chat_open_during_the_move_continues_with_the_next_watermark_in_the_same_conversation()
    {
        await using var world = await new MigrationWorld(server).WithDemoDataAndTurnsAsync();
        var (conversation, token, watermark) = world.WebChat;
        var seen = long.Parse(watermark, CultureInfo.InvariantCulture);

        var (exit, output, error) = await world.MigrateAsync();

        Assert.True(exit == 0, output + error);
        Assert.Matches(@"\n  webchat_activities\s+1\s", output);
        Assert.Equal(seen, await world.ScalarAsync($"SELECT last_seq FROM webchat_conversations WHERE id = '{conversation}'"));
        using var host = world.HostOnPostgreSql();
        var client = new DirectLineClient(host.CreateHttpClient()) { Token = token };
        await client.ResumeAsync();
        Assert.Equal(conversation, client.ConversationId);
        var (nothingNew, unchanged) = await client.PollAsync(watermark);
        Assert.Empty(nothingNew);
        Assert.Equal(watermark, unchanged);

        var echo = await client.SayAsync("Ich brauche mehr Zeit", "c3");
        var (activities, next) = await client.PollAsync(watermark);

        Assert.Equal(WebChatActivityIds.Of(conversation, seen + 1), echo);
        Assert.Equal(echo, activities[0].GetProperty("id").GetString());
        var reply = Assert.Single(activities[1..]);
        Assert.Equal(WebChatActivityIds.Of(conversation, seen + 2), reply.GetProperty("id").GetString());
        Assert.Equal("Gern, finden wir einen Termin. Bis wann können Sie zahlen?", reply.GetProperty("text").GetString());
        Assert.Equal(seen + 2, long.Parse(next, CultureInfo.InvariantCulture));
    }

    [PostgresFact]
    public async Task A_web_chat_post_the_client_retries_after_the_move_gets_its_first_id_and_runs_no_second_turn()
    {
        await using var world = await new MigrationWorld(server).WithDemoDataAndTurnsAsync();
        var (_, token, watermark) = world.WebChat;
        var (clientId, text, echo) = world.LastPost;

        var (exit, output, error) = await world.MigrateAsync();

        Assert.True(exit == 0, output + error);
        Assert.Matches(@"\n  webchat_client_ids\s+1\s", output);
        using var host = world.HostOnPostgreSql();
        var client = new DirectLineClient(host.CreateHttpClient()) { Token = token };
        await client.ResumeAsync();

        var retried = await client.SayAsync(text, clientId);

        Assert.Equal(echo, retried);
        var (nothingNew, unchanged) = await client.PollAsync(watermark);
        Assert.Empty(nothingNew);
        Assert.Equal(watermark, unchanged);
    }

    [PostgresFact]
    public async Task A_teams_activity_the_connector_delivers_again_after_the_move_runs_no_second_turn()
    {
        await using var world = new MigrationWorld(server);
        await using (var before = await TeamsChannelHarness.StartAsync(settings: world.OnLiteDb()))
        {
            using var first = await before.PostAsync(TeamsMessage(before, "delivered-before-the-move"));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Single(before.Bot.Turns);
        }
        await world.WithDatabaseAsync();

        var (exit, output, error) = await world.MigrateAsync();

        Assert.True(exit == 0, output + error);
        Assert.Matches(@"\n  teams_deliveries\s+1\s", output);
        await using var after = await TeamsChannelHarness.StartAsync(settings: world.OnPostgreSql());
        using var retry = await after.PostAsync(TeamsMessage(after, "delivered-before-the-move"));
        using var next = await after.PostAsync(TeamsMessage(after, "delivered-after-the-move"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (retry.StatusCode, next.StatusCode));
        Assert.Equal("delivered-after-the-move", (string?)Assert.Single(after.Bot.Turns).Id);
        Assert.Single(after.Sent);
    }

    [PostgresFact]
    public async Task Telegram_handles_no_update_twice_and_alerts_the_owner_on_the_chat_linked_before_the_move()
    {
        long handled = 0;
        var button = new TelegramButton("b-1", Olga.Id, "k-1", "Ja", "{\"choice\":\"yes\"}", new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var world = await new MigrationWorld(server).WithDemoDataAndTurnsAsync(Telegram(polling: true), async host =>
        {
            await telegram.WaitUntilAsync(s => s.Calls.Any(c => c.Method == "deleteWebhook" && c.StatusCode == 200), Wait, Ct);
            handled = telegram.EnqueueMessage(Olga, "/owner " + OwnerCode).UpdateId;
            await telegram.WaitUntilAsync(s => s.SentMessages.Any(m => m.ChatId == Olga.Id), Wait, Ct);
            var store = host.Services.GetRequiredService<ITelegramStore>();
            await WaitUntilAsync(() => store.IsDone(handled));
            store.SaveButtons([button]);
        });
        long? offset;
        using (var lite = new Dunning.Bot.Storage.LiteDb.LiteDbContext(new Dunning.Bot.Storage.StorageOptions { Path = world.File }))
            offset = new Dunning.Bot.Storage.LiteDb.LiteTelegramStore(lite, TimeProvider.System).Offset();
        Assert.NotNull(offset);

        var (exit, output, error) = await world.MigrateAsync();

        Assert.True(exit == 0, output + error);
        using var host = world.HostOnPostgreSql(Telegram(polling: false));
        var store = host.Services.GetRequiredService<ITelegramStore>();
        Assert.Equal(offset, store.Offset());
        Assert.Equal(button, store.FindButton(button.Id));
        Assert.Equal(Olga.Id, store.FindOwner()?.ChatId);
        await telegram.WaitUntilAsync(s => s.Calls.Any(c => c.Method == "setWebhook" && c.StatusCode == 200), Wait, Ct);
        var toOlga = Count(Olga);

        await PostAsync(host, Telegram_webhooks_on_several_hosts.Update(handled, Olga.Id, "/owner " + OwnerCode)); // Telegram delivers the handled update again
        await PostAsync(host, Telegram_webhooks_on_several_hosts.Update(handled + 1, Olga.Id, "Hallo"));
        await telegram.WaitUntilAsync(s => s.SentMessages.Count(m => m.ChatId == Olga.Id) > toOlga, Wait, Ct);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct); // time for a wrongly repeated answer to show up
        var answers = telegram.SentMessages.Where(m => m.ChatId == Olga.Id).Skip(toOlga).ToList();
        var debtor = (await host.Services.GetRequiredService<IDebtorStore>().ListAsync(Ct)).OrderBy(d => d.Id, StringComparer.Ordinal).First();
        await host.Services.GetRequiredService<EscalationDesk>().RaiseAsync(debtor.Id, EscalationReason.RequestHuman, null, null, null, Ct);
        await telegram.WaitUntilAsync(s => s.SentMessages.Count(m => m.ChatId == Olga.Id) > toOlga + answers.Count, Wait, Ct);

        Assert.DoesNotContain(answers, m => m.VisibleText.Contains("Eskalationsmeldungen", StringComparison.Ordinal));
        Assert.True(store.IsDone(handled + 1));
        var alert = telegram.SentMessages.Where(m => m.ChatId == Olga.Id).Last();
        Assert.Contains(debtor.Name + " braucht einen Menschen", alert.VisibleText, StringComparison.Ordinal);
    }

    [MailServerFact]
    public async Task An_e_mail_taken_before_the_move_is_not_taken_again_and_the_thread_goes_on()
    {
        Assert.Null(PostgresServer.SkipReason());
        const string Korn = "korn@baeckerei-korn.test";
        await using var world = new MigrationWorld(server);
        MimeKit.MimeMessage reminder;
        MimeKit.MimeMessage reply;
        using (var before = new EmailWorld(mail, world.OnLiteDb()))
        {
            await before.DebtorAsync("K-400", "Bäckerei Korn GmbH", Korn);
            await before.RemindAsync();
            reminder = Assert.Single(await RemindersByEmail.MailTo(before, Korn, 1));
            reply = ConversationsByEmail.Reply(reminder, Korn, "Ich habe gestern überwiesen.");
            await mail.SendAsync(reply);
            Assert.Equal("answered", await ConversationsByEmail.HandledAsync(before, reply));
            Assert.Equal(2, (await RemindersByEmail.MailTo(before, Korn, 2)).Count);
        }
        await world.WithDatabaseAsync();

        var (exit, output, error) = await world.MigrateAsync();

        Assert.True(exit == 0, output + error);
        using var after = new EmailWorld(mail, world.OnPostgreSql());
        var store = after.Get<IEmailStore>();
        Assert.Equal("answered", store.HandledAs("mid:" + reply.MessageId));
        Assert.Equal(("K-400", reminder.Subject!), store.FindSent(reminder.MessageId));
        var thread = store.ThreadOf("K-400", 10);
        Assert.Equal((2, 1), (thread.Count(m => !m.Inbound), thread.Count(m => m.Inbound)));
        Assert.Empty(await after.PollAsync());
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(2, (await mail.MessagesAsync()).Count(m => m.To.Mailboxes.Any(b => b.Address == Korn)));
    }

    public async Task DisposeAsync()
    {
        await telegram.DisposeAsync();
        timeout.Dispose();
    }

    private Dictionary<string, string?> Telegram(bool polling)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl.ToString(),
            ["Telegram:PollingTimeout"] = "00:00:01",
            ["Telegram:OwnerLinkCode"] = OwnerCode,
            ["Bot:PublicBaseUrl"] = "https://bot.example.org/",
        };
        if (!polling)
        {
            settings["Telegram:Mode"] = "Webhook";
            settings["Telegram:WebhookUrl"] = "http://127.0.0.1:9/telegram/webhook"; // the test posts to the host itself
            settings["Telegram:SecretToken"] = Secret;
        }
        return settings;
    }

    private static System.Text.Json.Nodes.JsonObject TeamsMessage(TeamsChannelHarness teams, string id)
    {
        var message = teams.Fixture("teams-message.json");
        message["id"] = id;
        return message;
    }

    private int Count(FakeUser user) => telegram.SentMessages.Count(m => m.ChatId == user.Id);

    private static async Task PostAsync(BotHost host, string update)
    {
        using var http = host.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Wait, "waited in vain");
            await Task.Delay(100, Ct);
        }
    }
}
