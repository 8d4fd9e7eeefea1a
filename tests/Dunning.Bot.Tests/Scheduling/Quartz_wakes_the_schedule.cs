using Dunning.Bot.Channels;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Dunning.Bot.Tests.Scheduling;

/// <summary>
/// The hosted Quartz scheduler: its triggers are the configured cron and interval, a sweep wakes the dispatcher, and a
/// due reminder goes out exactly once however often both run. The test waits for job completions (a listener), never
/// for the wall clock.
/// </summary>
public sealed class Quartz_wakes_the_schedule : IDisposable
{
    private const string Cron = "0 15 6 * * ?";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private readonly FakeChannel channel = new();
    private readonly JobCompletions completions = new();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-03-10T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture));
    private readonly BotHost host;

    public Quartz_wakes_the_schedule() =>
        host = new BotHost(new() { ["Scheduling:SweepCron"] = Cron, ["Scheduling:DispatchIntervalSeconds"] = "3600" }, clock: clock, services: s =>
        {
            s.AddSingleton<IProactiveChannel>(channel);
            s.AddQuartz(q => q.AddJobListener(completions));
        });

    [Fact]
    public async Task The_triggers_are_the_configured_cron_and_interval()
    {
        var scheduler = await SchedulerAsync();

        var cron = Assert.IsType<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("dunning-sweep-cron", "dunning")), exactMatch: false);
        var dispatch = Assert.IsType<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey("dunning-dispatch", "dunning")), exactMatch: false);

        Assert.Equal((Cron, SweepJob.Key), (cron.CronExpressionString, cron.JobKey));
        Assert.Equal((TimeSpan.FromHours(1), DispatchJob.Key, -1), (dispatch.RepeatInterval, dispatch.JobKey, dispatch.RepeatCount));
    }

    [Fact]
    public async Task A_sweep_wakes_the_dispatcher_and_a_due_reminder_goes_out_exactly_once()
    {
        var scheduler = await SchedulerAsync();
        // The start-up sweep and dispatch run on the empty database first.
        await completions.WaitForAsync(SweepJob.Key, 1, Within);
        await completions.WaitForAsync(DispatchJob.Key, 2, Within);
        await SeedDueReminderAsync();

        var dispatches = completions.Count(DispatchJob.Key);
        await scheduler.TriggerJob(SweepJob.Key);
        await completions.WaitForAsync(SweepJob.Key, 2, Within);
        await completions.WaitForAsync(DispatchJob.Key, dispatches + 1, Within);

        var outbox = host.Services.GetRequiredService<IOutbox>();
        Assert.Equal(OutboxStatus.Sent, (await outbox.FindAsync("reminder:D-Q:RE-Q@1", CancellationToken.None))?.Status);
        Assert.Equal("chat-q", Assert.Single(channel.Sent).Conversation);

        // More sweeps and dispatches: nothing more goes out.
        dispatches = completions.Count(DispatchJob.Key);
        await scheduler.TriggerJob(SweepJob.Key);
        await scheduler.TriggerJob(DispatchJob.Key);
        await completions.WaitForAsync(SweepJob.Key, 3, Within);
        await completions.WaitForAsync(DispatchJob.Key, dispatches + 2, Within);
        Assert.Single(channel.Sent);
    }

    public void Dispose() => host.Dispose();

    private async Task<IScheduler> SchedulerAsync()
    {
        _ = host.BaseAddress; // starts the host and its scheduler
        return await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
    }

    private async Task SeedDueReminderAsync()
    {
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
    }
}
