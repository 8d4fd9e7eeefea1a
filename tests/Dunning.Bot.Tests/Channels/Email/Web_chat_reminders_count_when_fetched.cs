using System.Net.Http.Json;
using System.Text.Json;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Tests.EndToEnd;

namespace Dunning.Bot.Tests.Channels.Email;

/// <summary>
/// A reminder appended to a web chat has arrived only when a client fetched it. Until then it is "sent, not yet
/// delivered": after <c>Scheduling:WebChatFallbackHours</c> it goes by e-mail (to a real mail server), and a stage that
/// starts default or adds a fee waits for it. The real host, LiteDB and Kestrel on loopback, a fake clock.
/// </summary>
public sealed class Web_chat_reminders_count_when_fetched(MailServer server) : IClassFixture<MailServer>
{
    [MailServerFact]
    public async Task A_fetched_web_chat_reminder_is_marked_delivered_at_the_moment_of_the_poll()
    {
        using var world = new EmailWorld(server);
        var chat = await ChatAsync(world, "K-700", "fetch@korn.test", "RE-2026-0700");

        await world.RemindAsync();
        var sent = await ReminderAsync(world, "K-700");
        Assert.Equal((ChannelKind.WebChat, OutboxStatus.Sent, null), (sent.Channel, sent.Status, sent.DeliveredAt));
        Assert.Contains(await HistoryAsync(world, "K-700"), a => a.Kind == CaseActionKinds.Reminder && a.Summary.Contains("not yet delivered", StringComparison.Ordinal));

        world.Clock.Advance(TimeSpan.FromMinutes(7));
        var fetchedAt = world.Clock.GetUtcNow();
        Assert.Contains("RE-2026-0700", await chat.NextReplyAsync(TimeSpan.FromSeconds(10)), StringComparison.Ordinal);

        var delivered = await ReminderAsync(world, "K-700");
        Assert.Equal(fetchedAt, delivered.DeliveredAt);
        var arrival = Assert.Single(await HistoryAsync(world, "K-700"), a => a.Kind == CaseActionKinds.Delivered);
        Assert.Equal((fetchedAt, ChannelKind.WebChat), (arrival.At, arrival.Channel));
        Assert.Equal(["RE-2026-0700"], arrival.InvoiceNumbers);

        // Fetched stays fetched: no e-mail after the fallback hours.
        world.Clock.Advance(TimeSpan.FromHours(25));
        await world.RemindAsync();
        Assert.Empty(await RemindersByEmail.MailTo(world, "fetch@korn.test", 0));
    }

    [MailServerFact]
    public async Task A_reminder_pushed_down_an_open_stream_is_delivered()
    {
        using var world = new EmailWorld(server);
        var chat = await ChatAsync(world, "K-704", "stream@korn.test", "RE-2026-0704");
        using var reconnect = await chat.Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{chat.Client.ConversationId}", null, chat.Client.Token);
        var streamUrl = (await reconnect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        await using var stream = await Channels.WebChat.DirectLineStreamClient.ConnectAsync(streamUrl);

        await world.RemindAsync();
        var (pushed, _) = await stream.ReceiveActivitiesAsync(1);

        Assert.Contains("RE-2026-0704", pushed[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while ((await ReminderAsync(world, "K-704")).DeliveredAt is null && watch.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);
        Assert.Equal(world.Clock.GetUtcNow(), (await ReminderAsync(world, "K-704")).DeliveredAt);
        Assert.Contains(await HistoryAsync(world, "K-704"), a => a.Kind == CaseActionKinds.Delivered && a.Channel == ChannelKind.WebChat);
    }

    [MailServerFact]
    public async Task A_web_chat_reminder_never_fetched_goes_by_email_after_the_fallback_hours_and_only_then()
    {
        using var world = new EmailWorld(server);
        await ChatAsync(world, "K-701", "never@korn.test", "RE-2026-0701");
        await world.RemindAsync();

        world.Clock.Advance(TimeSpan.FromHours(23));
        await world.RemindAsync();
        Assert.Empty(await RemindersByEmail.MailTo(world, "never@korn.test", 0));
        Assert.Single(await world.Get<IOutbox>().ListByDebtorAsync("K-701", CancellationToken.None));

        world.Clock.Advance(TimeSpan.FromHours(1.5));
        var report = await world.RemindAsync();

        Assert.Equal(1, report.Sent);
        var mail = Assert.Single(await RemindersByEmail.MailTo(world, "never@korn.test", 1));
        Assert.Contains("RE-2026-0701", mail.Subject, StringComparison.Ordinal);
        var entries = await world.Get<IOutbox>().ListByDebtorAsync("K-701", CancellationToken.None);
        var web = Assert.Single(entries, e => e.Channel == ChannelKind.WebChat);
        Assert.Null(web.DeliveredAt);
        Assert.Equal(world.Clock.GetUtcNow(), web.FallbackAt);
        var email = Assert.Single(entries, e => e.Channel == ChannelKind.Email);
        Assert.Equal((OutboxStatus.Sent, world.Clock.GetUtcNow()), (email.Status, email.DeliveredAt));
        Assert.Equal(web.Items.Select(i => (i.InvoiceNumber, i.Stage)), email.Items.Select(i => (i.InvoiceNumber, i.Stage)));
        var arrival = Assert.Single(await HistoryAsync(world, "K-701"), a => a.Kind == CaseActionKinds.Delivered);
        Assert.Equal((ChannelKind.Email, world.Clock.GetUtcNow()), (arrival.Channel, arrival.At));

        // Once handed over, never twice.
        world.Clock.Advance(TimeSpan.FromHours(30));
        await world.RemindAsync();
        Assert.Single(await RemindersByEmail.MailTo(world, "never@korn.test", 2));
    }

    [MailServerFact]
    public async Task The_fee_stage_waits_until_the_previous_web_chat_reminder_was_fetched()
    {
        // No e-mail fallback within the test's fortnight, and a page left open that refreshes its token but never polls.
        using var world = new EmailWorld(server, new()
        {
            ["Scheduling:WebChatFallbackHours"] = "720", ["WebChat:TokenLifetime"] = "1.00:00:00", ["WebChat:TokenMaxAge"] = "20.00:00:00",
        });
        var chat = await ChatAsync(world, "K-702", "fee@korn.test", "RE-2026-0702");
        await world.RemindAsync();
        var friendly = await ReminderAsync(world, "K-702");

        for (var hours = 0; hours < 14 * 24; hours += 12)
        {
            world.Clock.Advance(TimeSpan.FromHours(12));
            using var refreshed = await chat.Client.RefreshAsync();
            chat.Client.Token = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        }
        var report = await world.RemindAsync();

        Assert.Equal(0, report.Sent);
        Assert.Equal(friendly.Id, (await ReminderAsync(world, "K-702")).Id);
        Assert.Contains(await HistoryAsync(world, "K-702"), a => a.Kind == CaseActionKinds.Suppressed && a.Summary == "awaiting_delivery");
        Assert.Equal(1, (await world.Get<ICaseStore>().FindAsync("K-702", CancellationToken.None))!.StageOf("RE-2026-0702"));

        await chat.NextReplyAsync(TimeSpan.FromSeconds(10));
        report = await world.RemindAsync();

        Assert.Equal(1, report.Sent);
        var request = await ReminderAsync(world, "K-702");
        Assert.NotEqual(friendly.Id, request.Id);
        Assert.Equal(2, Assert.Single(request.Items).Stage);
        Assert.Empty(await RemindersByEmail.MailTo(world, "fee@korn.test", 0));
    }

    [MailServerFact]
    public async Task A_poll_with_a_watermark_past_the_end_confirms_nothing()
    {
        using var world = new EmailWorld(server);
        var chat = await ChatAsync(world, "K-703", "forged@korn.test", "RE-2026-0703");
        await world.RemindAsync();

        var (activities, _) = await chat.Client.PollAsync("999999");
        using var malformed = await chat.Client.GetAsync("-1");

        Assert.Empty(activities);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Null((await ReminderAsync(world, "K-703")).DeliveredAt);
        Assert.DoesNotContain(await HistoryAsync(world, "K-703"), a => a.Kind == CaseActionKinds.Delivered);
    }

    /// <summary>A business debtor with an e-mail address and an overdue invoice, whose web chat is bound (and read up to now).</summary>
    private static async Task<WebChatter> ChatAsync(EmailWorld world, string id, string email, string number)
    {
        await world.DebtorAsync(id, "Bäckerei Korn GmbH", email, number: number);
        var debtor = await world.DebtorAsync(id);
        var chat = await WebChatter.OpenAsync(world.Host.CreateHttpClient());
        Assert.NotEmpty(await chat.JoinAsync(debtor.LinkToken, "de-DE"));
        return chat;
    }

    private static async Task<OutboxEntry> ReminderAsync(EmailWorld world, string debtorId) =>
        (await world.Get<IOutbox>().ListByDebtorAsync(debtorId, CancellationToken.None)).Where(e => e.Kind == OutboxKinds.Reminder).MaxBy(e => e.CreatedAt)!;

    private static async Task<IReadOnlyList<CaseAction>> HistoryAsync(EmailWorld world, string debtorId) =>
        (await world.Get<ICaseStore>().FindAsync(debtorId, CancellationToken.None))!.History;
}
