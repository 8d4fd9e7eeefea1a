using System.Globalization;
using System.Text.Json;
using Dunning.Bot.Storage;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// Where polling and the webhook hand received updates: each is stored once (duplicates are dropped) and the
/// <see cref="TelegramUpdateProcessor"/> is woken to handle it — on another host too: an update posted to this host's
/// webhook is announced (<see cref="IChangeNotifications"/>, topic <see cref="Topic"/>) to the host that handles the
/// shared inbox when several hosts share a database.
/// </summary>
internal sealed class TelegramInbox : IDisposable
{
    /// <summary>The change topic of updates stored by a webhook.</summary>
    public const string Topic = "telegram.inbox";

    private readonly SemaphoreSlim _arrived = new(0);
    private readonly ITelegramStore _store;
    private readonly IChangeNotifications _changes;
    private readonly IDisposable _subscription;

    public TelegramInbox(ITelegramStore store, IChangeNotifications changes)
    {
        _store = store;
        _changes = changes;
        // Missed notices (a reconnected listener) wake it too: it then reads the inbox anyway.
        _subscription = changes.Subscribe(Topic, notice => Signal(!notice.FromThisHost));
    }

    /// <summary>Accepts a polled update and moves the polling offset past it; false for a duplicate.</summary>
    public bool AcceptPolled(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return Signal(_store.Accept(update.Id, JsonSerializer.Serialize(update, JsonBotAPI.Options), advanceOffset: true));
    }

    /// <summary>Accepts an update posted to the webhook (its JSON as received) and tells the other hosts; false for a duplicate.</summary>
    public async Task<bool> AcceptPostedAsync(long updateId, string json, CancellationToken cancellationToken)
    {
        if (!Signal(_store.Accept(updateId, json, advanceOffset: false)))
            return false;
        await _changes.PublishAsync(Topic, updateId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return true;
    }

    /// <summary>Completes when an update was accepted since the last wait (or at once if one is waiting).</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _arrived.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        _subscription.Dispose();
        _arrived.Dispose();
    }

    private bool Signal(bool accepted)
    {
        if (accepted && _arrived.CurrentCount == 0)
            _arrived.Release();
        return accepted;
    }
}
