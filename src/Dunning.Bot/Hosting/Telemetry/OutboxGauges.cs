using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Hosting.Telemetry;

/// <summary>
/// Reads the outbox's depth and the age of its most overdue message every <see cref="TelemetryOptions.OutboxPollSeconds"/>,
/// so a scrape never waits on storage; the gauges <c>dunning.outbox.depth</c> and <c>dunning.outbox.age</c> report them.
/// </summary>
public sealed class OutboxGauges(IOutbox outbox, TimeProvider clock, IOptions<TelemetryOptions> options, ILogger<OutboxGauges> logger)
    : BackgroundService
{
    private long depth;
    private double ageSeconds;

    public OutboxGauges Observe()
    {
        DunningMetrics.Meter.CreateObservableGauge("dunning.outbox.depth", () => Interlocked.Read(ref depth), "{message}",
            "Proactive messages waiting or being sent.");
        DunningMetrics.Meter.CreateObservableGauge("dunning.outbox.age", () => Volatile.Read(ref ageSeconds), "s",
            "How long the most overdue waiting message has been due (0 when none is).");
        return this;
    }

    /// <summary>Reads both figures now.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var open = await outbox.CountOpenAsync(cancellationToken).ConfigureAwait(false);
        var next = await outbox.NextAttemptAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref depth, open);
        var overdue = next is { } due ? (clock.GetUtcNow() - due).TotalSeconds : 0;
        Volatile.Write(ref ageSeconds, Math.Max(0, overdue));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.OutboxPollSeconds), clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reading the outbox for the metrics failed; the gauges keep their last values");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
