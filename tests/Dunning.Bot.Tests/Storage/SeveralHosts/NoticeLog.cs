using System.Collections.Concurrent;
using Dunning.Bot.Storage;

namespace Dunning.Bot.Tests.Storage.SeveralHosts;

/// <summary>The notices one subscriber heard, in order, and a way to wait for one.</summary>
internal sealed class NoticeLog : IDisposable
{
    private readonly ConcurrentQueue<ChangeNotice> heard = new();
    private readonly IDisposable subscription;

    public NoticeLog(IChangeNotifications changes, string topic) =>
        subscription = changes.Subscribe(topic, heard.Enqueue);

    public IReadOnlyList<ChangeNotice> Heard => [.. heard];

    /// <summary>Waits (up to 15 s) until a notice matches <paramref name="match"/>; fails with what was heard otherwise.</summary>
    public async Task<ChangeNotice> WaitForAsync(Func<ChangeNotice, bool> match)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (heard.FirstOrDefault(match) is { } found)
                return found;
            await Task.Delay(20);
        }
        Assert.Fail($"No such notice within 15 s; heard: {string.Join(", ", heard)}");
        return null!;
    }

    public void Dispose() => subscription.Dispose();
}
