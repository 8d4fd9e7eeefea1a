using Microsoft.AspNetCore.Http;

namespace Dunning.Bot.Tests.Fakes.Telegram;

public sealed partial class FakeTelegramServer
{
    private readonly List<FakeFault> _faults = [];
    private readonly HashSet<long> _blockedBy = [];

    /// <summary>Queues <paramref name="count"/> copies of <paramref name="fault"/>; each is consumed by the next
    /// call of a known method (of <see cref="FakeFault.Method"/> when set), in the order queued.</summary>
    public void InjectFaults(FakeFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++) _faults.Add(fault);
        }
    }

    /// <summary>Injected faults not consumed yet.</summary>
    public int PendingFaultCount
    {
        get { lock (_gate) return _faults.Count; }
    }

    /// <summary>From now on every send to this user's private chat gets 403 "Forbidden: bot was blocked by the user".</summary>
    public void BlockBot(long userId)
    {
        lock (_gate) _blockedBy.Add(userId);
    }

    public void UnblockBot(long userId)
    {
        lock (_gate) _blockedBy.Remove(userId);
    }

    private FakeFault? TakeFault(string method)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Method is null || string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase));
            if (index < 0) return null;
            var fault = _faults[index];
            _faults.RemoveAt(index);
            return fault;
        }
    }

    /// <returns>True when the fault answered (or swallowed) the request.</returns>
    private async Task<bool> ApplyFaultBeforeAsync(HttpContext context, string method, FakeFault fault, CancellationToken cancellationToken)
    {
        switch (fault.Kind)
        {
            case FakeFaultKind.TooManyRequests:
                Record(method, 429);
                await WriteErrorAsync(context, BotApiError.TooManyRequests(fault.RetryAfterSeconds));
                return true;
            case FakeFaultKind.InternalServerError:
                Record(method, 500);
                await WriteErrorAsync(context, new BotApiError(500, "Internal Server Error"));
                return true;
            case FakeFaultKind.BadGateway:
                Record(method, 502);
                context.Response.StatusCode = 502;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync(
                    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
                    cancellationToken);
                return true;
            case FakeFaultKind.Hang:
                await HangAsync(method, cancellationToken);
                context.Abort();
                return true;
            default:
                return false;
        }
    }

    private async Task HangAsync(string method, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Options.MaxHang, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (or the server stops): exactly what a hang should lead to.
        }
        Record(method, 0);
    }

    private void EnsureNotBlocked(FakeChat chat)
    {
        if (chat.IsPrivate && _blockedBy.Contains(chat.Id)) throw BotApiError.Forbidden("bot was blocked by the user");
    }
}
