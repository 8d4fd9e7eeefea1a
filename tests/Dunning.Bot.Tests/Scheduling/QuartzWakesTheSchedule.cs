using Dunning.Bot.Channels;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Scheduling;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Scheduling;

public sealed class QuartzWakesTheSchedule
{
    [Fact]
    public async Task The_hosted_jobs_sweep_and_dispatch_a_due_reminder_exactly_once()
    {
        var channel = new FakeChannel();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-10T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture));
        using var host = new BotHost(new() { ["Scheduling:SweepCron"] = "0/1 * * * * ?", ["Scheduling:DispatchIntervalSeconds"] = "1" },
            clock: clock, services: s => s.AddSingleton<IProactiveChannel>(channel));
        var services = host.Services;
        var debtor = new Debtor { Id = "D-Q", Name = "Quartz Kunde", AccessCode = "QQQQ2345", LinkToken = "quartz-link" };
        debtor.Reach(ChannelKind.Telegram, "chat-q");
        var invoice = Invoice.Create("RE-Q", "D-Q", new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 5), "EUR", 250m);
        await services.GetRequiredService<IInvoiceStore>().SaveBatchAsync([debtor], [invoice], [], CancellationToken.None);
        var link = new ConversationLink
        {
            Key = "telegram/chat-q", Channel = ChannelKind.Telegram, LastInboundAt = clock.GetUtcNow().AddDays(-3),
            Reference = new ConversationReference { ChannelId = ChannelKind.Telegram, Conversation = new ConversationAccount("chat-q") },
        };
        link.LinkTo("D-Q", clock.GetUtcNow().AddDays(-3));
        await services.GetRequiredService<IConversationStore>().SaveAsync(link, CancellationToken.None);
        await services.GetRequiredService<ICaseStore>().TouchAsync("D-Q", clock.GetUtcNow(), CancellationToken.None);

        var outbox = services.GetRequiredService<IOutbox>();
        // Quartz runs on the host's TimeProvider too: the fake clock moves on with real time, a second per 100 ms, so the
        // cron and the dispatch interval fire after the data is in (a frozen clock fires only the start-up triggers).
        // Up to a minute on a loaded machine; it ends as soon as the reminder is sent.
        for (var waited = 0; waited < 600 && (await outbox.FindAsync("reminder:D-Q:RE-Q@1", CancellationToken.None))?.Status != OutboxStatus.Sent; waited++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }
        for (var more = 0; more < 25; more++)   // several more sweeps and dispatches run: nothing more may go out
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }

        var entry = await outbox.FindAsync("reminder:D-Q:RE-Q@1", CancellationToken.None);
        var dunningCase = await services.GetRequiredService<ICaseStore>().FindAsync("D-Q", CancellationToken.None);
        Assert.True(channel.Sent.Count == 1, $"sent {channel.Sent.Count}; entry {entry?.Status} attempts {entry?.Attempts} lease {entry?.LeaseUntil:O} "
            + $"next {entry?.NextAttemptAt:O} error {entry?.LastError}; case next {dunningCase?.NextActionAt:O}, "
            + string.Join(" | ", dunningCase?.History.Select(a => $"{a.Kind}: {a.Summary}") ?? []));
        Assert.Equal("chat-q", Assert.Single(channel.Sent).Conversation);
        Assert.Equal(OutboxStatus.Sent, (await outbox.FindAsync("reminder:D-Q:RE-Q@1", CancellationToken.None))!.Status);
    }
}
