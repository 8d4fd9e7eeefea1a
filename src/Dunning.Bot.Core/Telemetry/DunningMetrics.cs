using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dunning.Bot.Core.Telemetry;

/// <summary>
/// The bot's own meter and trace source, named <see cref="Name"/>: turns and their latency per channel, understanding
/// confidence, proactive deliveries per channel and outcome, sweep duration, outbox depth and age. The instruments cost
/// nothing until a listener (OpenTelemetry in the host, a test's <see cref="MeterListener"/>) subscribes.
/// </summary>
public static class DunningMetrics
{
    public const string Name = "Dunning.Bot";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource Traces = new(Name);

    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("dunning.turns", "{turn}", "Turns handled, by channel and activity type.");

    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram("dunning.turn.duration", "ms",
        "Time from a turn's arrival at the bot to its last reply, by channel.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] });

    public static readonly Histogram<double> Confidence = Meter.CreateHistogram("dunning.understanding.confidence", "1",
        "How sure the understanding was of a message's intent (0–1), by intent.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1] });

    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("dunning.deliveries", "{message}",
        "Proactive messages the dispatcher handled, by channel and outcome (sent, retried, deferred, cancelled, dead, lost_lease).");

    public static readonly Histogram<double> SweepDuration = Meter.CreateHistogram("dunning.sweep.duration", "s",
        "How long one schedule sweep took.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 120] });

    /// <summary>Counts one dispatched entry under the outcome its report names.</summary>
    public static void Delivered(string channel, string outcome) =>
        Deliveries.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));
}
