using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Security;

/// <summary>
/// The process-wide <see cref="IAttemptGuard"/>: one counter per client, per subject and per kind for everyone. Each
/// counter allows its free attempts in a row, then refuses for a back-off that doubles with every further round (up
/// to <see cref="AttemptGuardOptions.MaxBackoff"/>) until the counter has seen no failure for
/// <see cref="AttemptGuardOptions.ForgetAfter"/>. Attempts refused during a back-off are not checked and do not
/// extend it, but they count towards the owner's alert. Kept in memory: a restart forgets it (a guesser gains one
/// round of free attempts per restart, which the owner sees in the log).
/// </summary>
public sealed partial class AttemptGuard(IOptions<AttemptGuardOptions> options, TimeProvider clock, IOwnerNotifier notifier, ILogger<AttemptGuard> logger)
    : IAttemptGuard
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Counter> counters = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> recent = new();
    private DateTimeOffset? alertedAt;

    private AttemptGuardOptions Options => options.Value;

    public async Task<AttemptVerdict> CheckAsync(AttemptKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var now = clock.GetUtcNow();
        AttemptVerdict verdict;
        bool alert;
        lock (gate)
        {
            verdict = Verdict(keys, now);
            alert = verdict.IsRefused && Noted(now);
        }
        if (alert)
            await AlertAsync(keys, now, cancellationToken).ConfigureAwait(false);
        return verdict;
    }

    public async Task<AttemptVerdict> FailAsync(AttemptKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var now = clock.GetUtcNow();
        AttemptVerdict verdict;
        bool alert;
        lock (gate)
        {
            Get(ClientKey(keys), now).Fail(ClientFree(keys), keys.Kind.FirstBackoff, Options.MaxBackoff, now);
            if (SubjectKey(keys) is { } subject)
                Get(subject, now).Fail(keys.Kind.FreeAttempts, keys.Kind.FirstBackoff, Options.MaxBackoff, now);
            Get(GlobalKey(keys), now).Fail(Options.GlobalFreeAttempts, Options.GlobalBackoff, Options.MaxBackoff, now);
            verdict = Verdict(keys, now);
            alert = Noted(now);
            Trim(now);
        }
        if (verdict.IsRefused)
            LogBackoff(keys.Kind.Name, keys.Client, verdict.RefusedUntil!.Value);
        if (alert)
            await AlertAsync(keys, now, cancellationToken).ConfigureAwait(false);
        return verdict;
    }

    public void Succeed(AttemptKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (gate)
        {
            if (counters.TryGetValue(ClientKey(keys), out var client))
                client.Failures = 0;
            if (SubjectKey(keys) is { } subject && counters.TryGetValue(subject, out var counter))
                counter.Failures = 0;
        }
    }

    private AttemptVerdict Verdict(AttemptKeys keys, DateTimeOffset now)
    {
        var client = Peek(ClientKey(keys), now);
        var subject = SubjectKey(keys) is { } key ? Peek(key, now) : null;
        var global = Peek(GlobalKey(keys), now);
        var longest = new[] { client, subject, global }.Where(c => c?.RefusedUntil > now).MaxBy(c => c!.RefusedUntil);
        var left = Math.Min(ClientFree(keys) - (client?.Failures ?? 0), keys.Kind.FreeAttempts - (subject?.Failures ?? 0));
        return new AttemptVerdict(longest?.RefusedUntil, longest?.Backoff ?? TimeSpan.Zero, Math.Max(0, left));
    }

    /// <summary>Notes one suspicious attempt; true when the owner should be alerted now (at most once per window).</summary>
    private bool Noted(DateTimeOffset now)
    {
        recent.Enqueue(now);
        while (recent.Count > 0 && (recent.Peek() <= now - Options.AlertWindow || recent.Count > Options.AlertAfterAttempts))
            recent.Dequeue();
        if (recent.Count < Options.AlertAfterAttempts || alertedAt > now - Options.AlertWindow)
            return false;
        alertedAt = now;
        return true;
    }

    private async Task AlertAsync(AttemptKeys keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        LogSpike(Options.AlertAfterAttempts, Options.AlertWindowMinutes, keys.Kind.Name);
        var summary = $"{Options.AlertAfterAttempts} or more wrong or refused secrets ({keys.Kind.Name}) within {Options.AlertWindowMinutes} minutes, "
            + $"the latest from {keys.Client}. Someone may be guessing; the back-off is slowing them down. "
            + "Check the log and, if it goes on, block the address at the reverse proxy.";
        await notifier.NotifyAsync(new OwnerAlert("", "Dunning.Bot", EscalationReason.SecretGuessing, EscalationPriority.High, summary, null, now),
            cancellationToken).ConfigureAwait(false);
    }

    private Counter? Peek(string key, DateTimeOffset now) =>
        counters.TryGetValue(key, out var counter) && !counter.IsForgotten(now, Options.ForgetAfter) ? counter : null;

    private Counter Get(string key, DateTimeOffset now)
    {
        if (!counters.TryGetValue(key, out var counter) || counter.IsForgotten(now, Options.ForgetAfter))
            counters[key] = counter = new Counter();
        return counter;
    }

    /// <summary>Keeps memory bounded: forgets stale counters, then those not in a back-off.</summary>
    private void Trim(DateTimeOffset now)
    {
        if (counters.Count <= Options.MaxTrackedKeys)
            return;
        foreach (var (key, _) in counters.Where(c => c.Value.IsForgotten(now, Options.ForgetAfter) || !(c.Value.RefusedUntil > now)).ToList())
            counters.Remove(key);
    }

    private static int ClientFree(AttemptKeys keys) => keys.Kind.ClientFreeAttempts ?? keys.Kind.FreeAttempts;

    private static string ClientKey(AttemptKeys keys) => $"{keys.Kind.Name}|c|{keys.Client}";

    private static string? SubjectKey(AttemptKeys keys) => keys.Subject is { Length: > 0 } s ? $"{keys.Kind.Name}|s|{s}" : null;

    private static string GlobalKey(AttemptKeys keys) => $"{keys.Kind.Name}|*";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many wrong secrets ({Kind}) from {Client}: none is checked until {Until:O}")]
    private partial void LogBackoff(string kind, string client, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} or more wrong or refused secrets within {Minutes} minutes (latest: {Kind}); the owner is alerted")]
    private partial void LogSpike(int count, int minutes, string kind);

    private sealed class Counter
    {
        public int Failures { get; set; }

        public int Level { get; private set; }

        public DateTimeOffset? RefusedUntil { get; private set; }

        public TimeSpan Backoff { get; private set; }

        public DateTimeOffset LastFailure { get; private set; }

        public bool IsForgotten(DateTimeOffset now, TimeSpan forgetAfter) =>
            LastFailure + forgetAfter <= now && !(RefusedUntil > now);

        public void Fail(int free, TimeSpan first, TimeSpan max, DateTimeOffset now)
        {
            LastFailure = now;
            if (RefusedUntil > now || ++Failures < free)
                return;
            Failures = 0;
            Level++;
            var backoff = first * Math.Pow(2, Math.Min(Level - 1, 20));
            Backoff = backoff < max ? backoff : max;
            RefusedUntil = now + Backoff;
        }
    }
}
