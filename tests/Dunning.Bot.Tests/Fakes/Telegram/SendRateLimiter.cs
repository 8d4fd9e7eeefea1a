namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// Sliding-window limits as Telegram applies them to message-sending methods: per private chat,
/// per group and overall. A rejected attempt does not count; retry_after is the whole seconds until
/// the oldest counted send leaves the window that is full (at least 1).
/// </summary>
internal sealed class SendRateLimiter(FakeTelegramOptions options)
{
    private readonly Queue<DateTimeOffset> _global = new();
    private readonly Dictionary<long, Queue<DateTimeOffset>> _perChat = [];

    /// <summary>Counts a send to <paramref name="chat"/> at <paramref name="now"/> or throws 429.</summary>
    public void Admit(FakeChat chat, DateTimeOffset now)
    {
        if (!options.EnforceRateLimits) return;
        if (!_perChat.TryGetValue(chat.Id, out var chatSends)) _perChat[chat.Id] = chatSends = new Queue<DateTimeOffset>();
        var (chatLimit, chatWindow) = chat.IsPrivate
            ? (options.PerChatLimit, options.PerChatWindow)
            : (options.GroupLimit, options.GroupWindow);
        var wait = Max(WaitFor(chatSends, chatLimit, chatWindow, now), WaitFor(_global, options.GlobalLimit, options.GlobalWindow, now));
        if (wait > TimeSpan.Zero) throw BotApiError.TooManyRequests(Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
        chatSends.Enqueue(now);
        _global.Enqueue(now);
    }

    private static TimeSpan WaitFor(Queue<DateTimeOffset> sends, int limit, TimeSpan window, DateTimeOffset now)
    {
        while (sends.Count > 0 && sends.Peek() <= now - window) sends.Dequeue();
        return sends.Count < limit ? TimeSpan.Zero : sends.Peek() + window - now;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
