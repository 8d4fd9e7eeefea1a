using Quartz;

namespace Dunning.Bot.Tests.Scheduling;

/// <summary>
/// A Quartz job listener that counts finished runs per job, so a test waits for the event (a run finished) instead of
/// polling the wall clock.
/// </summary>
internal sealed class JobCompletions : IJobListener
{
    private readonly Lock gate = new();
    private readonly Dictionary<JobKey, int> finished = [];
    private readonly List<(JobKey Key, int Count, TaskCompletionSource Done)> waiters = [];

    public string Name => nameof(JobCompletions);

    /// <summary>How many runs of <paramref name="key"/> have finished so far.</summary>
    public int Count(JobKey key)
    {
        lock (gate)
            return finished.GetValueOrDefault(key);
    }

    /// <summary>Completes when <paramref name="key"/> has finished <paramref name="count"/> runs in all (fails after <paramref name="within"/>).</summary>
    public Task WaitForAsync(JobKey key, int count, TimeSpan within)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (finished.GetValueOrDefault(key) >= count)
                return Task.CompletedTask;
            waiters.Add((key, count, done));
        }
        return done.Task.WaitAsync(within);
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.JobDetail.Key;
        lock (gate)
        {
            finished[key] = finished.GetValueOrDefault(key) + 1;
            foreach (var waiter in waiters.Where(w => w.Key.Equals(key) && finished[key] >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                if (jobException is null)
                    waiter.Done.TrySetResult();
                else
                    waiter.Done.TrySetException(jobException);
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
