using System.Globalization;
using System.Text;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Live;

/// <summary>
/// Collects owner alerts in digest mode and, every <see cref="StaffOptions.DigestMinutes"/>, hands the notifier the
/// console wraps one alert that sums them up (highest priority, count per reason, one line per alert). A busy day
/// becomes a few messages instead of a flood; nothing is sent when nothing happened. The digest carries the alerts it
/// stands for and the debtors no channel can reach at the moment (<see cref="UnreachableDebtors"/>), so a channel can list
/// them its own way.
/// </summary>
public sealed class AlertDigest(IOptions<StaffOptions> options, TimeProvider clock, ILogger<AlertDigest> logger, UnreachableDebtors? unreachable = null)
    : BackgroundService
{
    private readonly Lock gate = new();
    private List<OwnerAlert> pending = [];

    /// <summary>Set once by the registration: the notifier the digest goes to (null: the log).</summary>
    internal IOwnerNotifier? Target { get; set; }

    public int PendingCount
    {
        get
        {
            lock (gate)
                return pending.Count;
        }
    }

    public void Add(OwnerAlert alert)
    {
        lock (gate)
            pending.Add(alert);
    }

    /// <summary>Sends what was collected as one alert (nothing when empty); returns it.</summary>
    public async Task<OwnerAlert?> FlushAsync(CancellationToken cancellationToken)
    {
        List<OwnerAlert> batch;
        lock (gate)
            (batch, pending) = (pending, []);
        if (batch.Count == 0)
            return null;
        var digest = Summarize(batch, clock.GetUtcNow()) with
        {
            Digest = batch,
            Unreachable = unreachable is null ? [] : await unreachable.ListAsync(cancellationToken),
        };
        await ConsoleOwnerNotifier.DeliverAsync(Target, digest, logger, cancellationToken);
        return digest;
    }

    /// <summary>One alert standing for <paramref name="batch"/>: the first debtor's ids, the top priority, a line per alert.</summary>
    public static OwnerAlert Summarize(IReadOnlyList<OwnerAlert> batch, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 1)
            return batch[0];
        var top = batch.MaxBy(a => a.Priority)!;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{batch.Count} alerts: ");
        text.AppendJoin(", ", batch.GroupBy(a => a.Reason).Select(g => $"{g.Count()}× {g.Key}"));
        foreach (var alert in batch.OrderByDescending(a => a.Priority).ThenBy(a => a.At))
            text.Append(CultureInfo.InvariantCulture, $"\n• {alert.Priority} {alert.DebtorName}: {alert.Summary}");
        var names = batch.Select(a => a.DebtorName).Distinct(StringComparer.Ordinal).ToList();
        return new OwnerAlert(top.DebtorId, names.Count == 1 ? names[0] : string.Join(", ", names.Take(3)) + (names.Count > 3 ? ", …" : ""),
            top.Reason, top.Priority, text.ToString(), top.EscalationId, at);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.AlertMode != OwnerAlertMode.Digest)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.DigestMinutes), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        await FlushAsync(CancellationToken.None);
    }
}
