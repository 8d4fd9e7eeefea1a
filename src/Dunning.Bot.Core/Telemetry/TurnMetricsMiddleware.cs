using System.Diagnostics;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;

namespace Dunning.Bot.Core.Telemetry;

/// <summary>
/// First in the turn pipeline: counts the turn, times it (with a trace span) and records how sure the understanding was.
/// </summary>
public sealed class TurnMetricsMiddleware : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var channel = new KeyValuePair<string, object?>("channel", turnContext.Activity.ChannelId ?? "unknown");
        using var span = DunningMetrics.Traces.StartActivity("turn", ActivityKind.Server);
        span?.SetTag("channel", channel.Value);
        span?.SetTag("activity.type", turnContext.Activity.Type);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DunningMetrics.Turns.Add(1, channel, new KeyValuePair<string, object?>("type", turnContext.Activity.Type ?? "unknown"));
            DunningMetrics.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, channel);
            if (TurnSession.TryOf(turnContext)?.Understanding is { } understanding)
            {
                DunningMetrics.Confidence.Record(understanding.Confidence, new KeyValuePair<string, object?>("intent", understanding.Intent.ToString()));
                span?.SetTag("intent", understanding.Intent.ToString());
            }
        }
    }
}
