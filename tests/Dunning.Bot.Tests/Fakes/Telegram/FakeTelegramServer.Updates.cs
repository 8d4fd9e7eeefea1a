using System.Text.Json.Nodes;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>getUpdates: the update queue, offsets, long polling and allowed_updates.</summary>
public sealed partial class FakeTelegramServer
{
    // Telegram's default when allowed_updates is empty or was never given.
    private static readonly string[] NotDeliveredByDefault = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly List<JsonObject> _pending = [];
    private int _nextUpdateId;
    private HashSet<string>? _allowedUpdates;
    private TaskCompletionSource _updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _activePoll;

    /// <summary>Updates not confirmed yet (by an offset, or a 2xx webhook answer).</summary>
    public int PendingUpdateCount
    {
        get { lock (_gate) return _pending.Count; }
    }

    /// <summary>The update_ids still pending, oldest first.</summary>
    public IReadOnlyList<int> PendingUpdateIds
    {
        get { lock (_gate) return [.. _pending.Select(u => (int)u["update_id"]!)]; }
    }

    private int AddUpdate(string kind, JsonObject payload)
    {
        // Called under _gate.
        var id = _nextUpdateId++;
        var allowed = _allowedUpdates is null ? !NotDeliveredByDefault.Contains(kind) : _allowedUpdates.Contains(kind);
        if (allowed)
        {
            _pending.Add(new JsonObject { ["update_id"] = id, [kind] = payload });
            _updateArrived.TrySetResult();
            _updateArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            SignalChanged();
        }
        return id;
    }

    private void SetAllowedUpdates(BotRequest request)
    {
        if (request.GetJson("allowed_updates") is not JsonArray list) return;
        var kinds = list.Select(k => k?.GetValue<string>() ?? "").Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        _allowedUpdates = kinds.Count == 0 ? null : kinds;
    }

    private async Task<JsonNode> GetUpdatesAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(request.GetInt32("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(request.GetInt32("timeout") ?? 0, 0, 3600));
        var offset = request.GetInt64("offset");
        CancellationTokenSource poll;
        lock (_gate)
        {
            if (_webhookUrl is not null)
            {
                throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }
            SetAllowedUpdates(request);
            Confirm(offset);
            // A newer getUpdates terminates the one still waiting, as on the real server.
            _activePoll?.Cancel();
            _activePoll = poll = new CancellationTokenSource();
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                Task arrived;
                lock (_gate)
                {
                    if (poll.IsCancellationRequested)
                    {
                        throw new BotApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                    }
                    if (_pending.Count > 0 || deadline.IsCancellationRequested)
                    {
                        return new JsonArray([.. _pending.Take(limit).Select(u => u.DeepClone())]);
                    }
                    arrived = _updateArrived.Task;
                }
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, poll.Token);
                try
                {
                    await arrived.WaitAsync(wake.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Timeout or terminated: the loop answers accordingly.
                }
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_activePoll == poll) _activePoll = null;
            }
            poll.Dispose();
        }
    }

    private void Confirm(long? offset)
    {
        // Called under _gate. Positive offset: everything below it is confirmed. Negative: keep only the last -offset.
        if (offset is null or 0) return;
        if (offset > 0)
        {
            _pending.RemoveAll(u => (int)u["update_id"]! < offset);
        }
        else
        {
            var keep = (int)Math.Min(-offset.Value, _pending.Count);
            _pending.RemoveRange(0, _pending.Count - keep);
        }
    }
}
