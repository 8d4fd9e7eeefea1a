using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// Where polling and the webhook hand received updates: each is stored once (duplicates are dropped) and the
/// <see cref="TelegramUpdateProcessor"/> is woken to handle it.
/// </summary>
internal sealed class TelegramInbox(ITelegramStore store)
{
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>Accepts a polled update and moves the polling offset past it; false for a duplicate.</summary>
    public bool AcceptPolled(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return Signal(store.Accept(update.Id, JsonSerializer.Serialize(update, JsonBotAPI.Options), advanceOffset: true));
    }

    /// <summary>Accepts an update posted to the webhook (its JSON as received); false for a duplicate.</summary>
    public bool AcceptPosted(long updateId, string json) => Signal(store.Accept(updateId, json, advanceOffset: false));

    /// <summary>Completes when an update was accepted since the last wait (or at once if one is waiting).</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _arrived.WaitAsync(timeout, cancellationToken);

    private bool Signal(bool accepted)
    {
        if (accepted && _arrived.CurrentCount == 0)
            _arrived.Release();
        return accepted;
    }
}
