using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Staff;

/// <summary>The console's owner notifier: live broadcast always, the wrapped notifier at once or as a digest.</summary>
public sealed class Owner_alerts_reach_the_console_at_once_and_other_channels_by_mode
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly ConsoleBroadcaster broadcaster = new(new Dunning.Bot.Storage.InProcessChangeNotifications(NullLogger<Dunning.Bot.Storage.InProcessChangeNotifications>.Instance));
    private readonly Recording inner = new();

    [Fact]
    public async Task Immediate_mode_passes_every_alert_on_and_broadcasts_it()
    {
        var (notifier, _) = Create(OwnerAlertMode.Immediate);
        using var stop = new CancellationTokenSource();
        var reader = broadcaster.Subscribe(stop.Token);

        await notifier.NotifyAsync(Alert("D-1", EscalationReason.Dispute, EscalationPriority.High), CancellationToken.None);

        Assert.Single(inner.Alerts);
        Assert.True(reader.TryRead(out var item));
        Assert.Equal("escalation", item.Kind);
        Assert.Contains("\"reason\":\"Dispute\"", item.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_mode_sends_one_summary_per_period_and_nothing_when_quiet()
    {
        var (notifier, digest) = Create(OwnerAlertMode.Digest);
        using var stop = new CancellationTokenSource();
        var reader = broadcaster.Subscribe(stop.Token);

        await notifier.NotifyAsync(Alert("D-1", EscalationReason.RequestHuman, EscalationPriority.Normal), CancellationToken.None);
        await notifier.NotifyAsync(Alert("D-2", EscalationReason.Hardship, EscalationPriority.High), CancellationToken.None);
        await notifier.NotifyAsync(Alert("D-3", EscalationReason.RequestHuman, EscalationPriority.Low), CancellationToken.None);

        Assert.Empty(inner.Alerts);
        Assert.Equal(3, reader.Count);
        var sent = await digest.FlushAsync(CancellationToken.None);
        var alert = Assert.Single(inner.Alerts);
        Assert.Same(sent, alert);
        Assert.Equal((EscalationPriority.High, "D-2"), (alert.Priority, alert.DebtorId));
        Assert.StartsWith("3 alerts: 2× RequestHuman, 1× Hardship", alert.Summary, StringComparison.Ordinal);
        Assert.Equal("Name D-1, Name D-2, Name D-3", alert.DebtorName);
        Assert.Null(await digest.FlushAsync(CancellationToken.None));
        Assert.Single(inner.Alerts);
    }

    [Fact]
    public async Task A_failing_inner_notifier_does_not_break_the_caller()
    {
        inner.Throw = true;
        var (notifier, _) = Create(OwnerAlertMode.Immediate);

        await notifier.NotifyAsync(Alert("D-1", EscalationReason.Dispute, EscalationPriority.High), CancellationToken.None);

        Assert.Empty(inner.Alerts);
    }

    [Fact]
    public void A_slow_subscriber_loses_its_oldest_events_and_blocks_nobody()
    {
        using var stop = new CancellationTokenSource();
        var reader = broadcaster.Subscribe(stop.Token);
        for (var i = 0; i < 1000; i++)
            broadcaster.Publish(new ConsoleEvent("case", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(256, reader.Count);
        Assert.True(reader.TryRead(out var first));
        Assert.Equal("744", first.Data);
        stop.Cancel();
        Assert.Equal(0, broadcaster.SubscriberCount);
    }

    private (ConsoleOwnerNotifier Notifier, AlertDigest Digest) Create(OwnerAlertMode mode)
    {
        var options = Options.Create(new StaffOptions { AlertMode = mode, DigestMinutes = 15 });
        var digest = new AlertDigest(options, clock, NullLogger<AlertDigest>.Instance) { Target = inner };
        return (new ConsoleOwnerNotifier(inner, broadcaster, digest, options, NullLogger<ConsoleOwnerNotifier>.Instance), digest);
    }

    private OwnerAlert Alert(string debtorId, EscalationReason reason, EscalationPriority priority) =>
        new(debtorId, "Name " + debtorId, reason, priority, $"{reason} for {debtorId}", "E-" + debtorId, clock.GetUtcNow());

    private sealed class Recording : IOwnerNotifier
    {
        public List<OwnerAlert> Alerts { get; } = [];

        public bool Throw { get; set; }

        public Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken)
        {
            if (Throw)
                throw new HttpRequestException("the owner's chat is down");
            Alerts.Add(alert);
            return Task.CompletedTask;
        }
    }
}
