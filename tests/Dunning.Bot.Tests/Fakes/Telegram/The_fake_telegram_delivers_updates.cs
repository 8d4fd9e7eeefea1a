using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Dunning.Bot.Tests.Fakes.Telegram;

public sealed class The_fake_telegram_delivers_updates : FakeTelegramTestBase
{
    [Fact]
    public async Task Long_polling_returns_as_soon_as_an_update_is_enqueued()
    {
        var stopwatch = Stopwatch.StartNew();
        var poll = Bot.GetUpdates(timeout: 20, cancellationToken: Ct);
        await Task.Delay(300, Ct);
        Assert.False(poll.IsCompleted);

        Server.EnqueueMessage(Anna, "Hallo");
        var updates = await poll;

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
        var update = Assert.Single(updates);
        Assert.Equal(UpdateType.Message, update.Type);
        Assert.Equal("Hallo", update.Message!.Text);
        Assert.Equal(Anna.Id, update.Message.From!.Id);
        Assert.Equal(ChatType.Private, update.Message.Chat.Type);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, update.Message.Date);
    }

    [Fact]
    public async Task Long_polling_without_updates_answers_an_empty_list_after_the_timeout()
    {
        var stopwatch = Stopwatch.StartNew();

        var updates = await Bot.GetUpdates(timeout: 1, cancellationToken: Ct);

        Assert.Empty(updates);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_offset_confirms_every_update_below_it_and_only_those()
    {
        var first = Server.EnqueueMessage(Anna, "eins");
        var second = Server.EnqueueMessage(Anna, "zwei");

        var all = await Bot.GetUpdates(cancellationToken: Ct);
        var again = await Bot.GetUpdates(cancellationToken: Ct);
        var afterFirst = await Bot.GetUpdates(offset: first.UpdateId + 1, cancellationToken: Ct);
        var afterSecond = await Bot.GetUpdates(offset: second.UpdateId + 1, cancellationToken: Ct);

        Assert.Equal([first.UpdateId, second.UpdateId], all.Select(u => u.Id));
        Assert.Equal(2, again.Length);
        Assert.Equal(second.UpdateId, Assert.Single(afterFirst).Id);
        Assert.Empty(afterSecond);
        Assert.Equal(0, Server.PendingUpdateCount);
    }

    [Fact]
    public async Task A_negative_offset_keeps_only_the_last_updates()
    {
        Server.EnqueueMessage(Anna, "a");
        Server.EnqueueMessage(Anna, "b");
        var last = Server.EnqueueMessage(Anna, "c");

        var updates = await Bot.GetUpdates(offset: -1, cancellationToken: Ct);

        Assert.Equal(last.UpdateId, Assert.Single(updates).Id);
        Assert.Equal([last.UpdateId], Server.PendingUpdateIds);
    }

    [Fact]
    public async Task The_limit_caps_how_many_updates_one_call_returns()
    {
        for (var i = 0; i < 5; i++) Server.EnqueueMessage(Anna, $"m{i}");

        var updates = await Bot.GetUpdates(limit: 2, cancellationToken: Ct);

        Assert.Equal(["m0", "m1"], updates.Select(u => u.Message!.Text));
    }

    [Fact]
    public async Task A_second_getUpdates_terminates_the_waiting_one_with_409()
    {
        var first = Bot.GetUpdates(timeout: 20, cancellationToken: Ct);
        await Task.Delay(300, Ct);

        var second = Bot.GetUpdates(timeout: 0, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first);
        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("terminated by other getUpdates request", error.Message);
        Assert.Empty(await second);
    }

    [Fact]
    public async Task Start_with_a_deep_link_payload_arrives_as_a_bot_command()
    {
        Server.EnqueueStart(Anna, "inv_7Hq-2xZ");

        var message = Assert.Single(await Bot.GetUpdates(cancellationToken: Ct)).Message!;

        Assert.Equal("/start inv_7Hq-2xZ", message.Text);
        var entity = Assert.Single(message.Entities!);
        Assert.Equal(MessageEntityType.BotCommand, entity.Type);
        Assert.Equal((0, 6), (entity.Offset, entity.Length));
    }

    [Fact]
    public async Task Group_messages_carry_the_group_chat_and_the_sender()
    {
        Server.EnqueueGroupMessage(Ben, -100123, "Buchhaltung", "Hallo Bot");

        var message = Assert.Single(await Bot.GetUpdates(cancellationToken: Ct)).Message!;

        Assert.Equal(ChatType.Group, message.Chat.Type);
        Assert.Equal(-100123, message.Chat.Id);
        Assert.Equal("Buchhaltung", message.Chat.Title);
        Assert.Equal(Ben.Id, message.From!.Id);
    }

    [Fact]
    public async Task Edited_messages_and_callback_queries_have_their_own_update_kinds()
    {
        Server.RegisterPrivateChat(Anna);
        var sent = await Bot.SendMessage(Anna.Id, "Wie möchten Sie zahlen?", cancellationToken: Ct);
        var original = Server.EnqueueMessage(Anna, "Ratenzahlung");
        Server.EnqueueEditedMessage(Anna, original.MessageId!.Value, "Ratenzahlung bitte", Clock.GetUtcNow().ToUnixTimeSeconds());
        var press = Server.EnqueueCallbackQuery(Anna, sent.MessageId, "plan:3");

        var updates = await Bot.GetUpdates(cancellationToken: Ct);

        Assert.Equal([UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery], updates.Select(u => u.Type));
        Assert.Equal("Ratenzahlung bitte", updates[1].EditedMessage!.Text);
        Assert.NotNull(updates[1].EditedMessage!.EditDate);
        var query = updates[2].CallbackQuery!;
        Assert.Equal(press.CallbackQueryId, query.Id);
        Assert.Equal("plan:3", query.Data);
        Assert.Equal(sent.MessageId, query.Message!.MessageId);
    }

    [Fact]
    public async Task An_update_kind_the_client_does_not_know_arrives_as_Unknown()
    {
        var raw = Server.EnqueueRaw("future_gadget", new JsonObject { ["id"] = 1, ["spin"] = "fast" });

        var update = Assert.Single(await Bot.GetUpdates(cancellationToken: Ct));

        Assert.Equal(raw.UpdateId, update.Id);
        Assert.Equal(UpdateType.Unknown, update.Type);
    }

    [Fact]
    public async Task Allowed_updates_stop_new_updates_of_other_kinds_and_reactions_are_off_by_default()
    {
        Server.EnqueueRaw("message_reaction", new JsonObject());
        Assert.Equal(0, Server.PendingUpdateCount);

        await Bot.GetUpdates(allowedUpdates: [UpdateType.CallbackQuery], cancellationToken: Ct);
        Server.EnqueueMessage(Anna, "dropped");

        Assert.Empty(await Bot.GetUpdates(cancellationToken: Ct));
    }

    [Fact]
    public async Task GetUpdates_conflicts_with_409_while_a_webhook_is_set()
    {
        await Bot.SetWebhook("https://bot.example.org/telegram", secretToken: "s3cret", cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.GetUpdates(cancellationToken: Ct));

        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("can't use getUpdates method while webhook is active", error.Message);

        await Bot.DeleteWebhook(cancellationToken: Ct);
        Assert.Empty(await Bot.GetUpdates(cancellationToken: Ct));
    }

    [Fact]
    public async Task The_clients_own_polling_loop_receives_everything_once_and_confirms_it()
    {
        var received = new ConcurrentQueue<int>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var ids = Enumerable.Range(0, 3).Select(i => Server.EnqueueMessage(Anna, $"m{i}").UpdateId).ToArray();

        Bot.StartReceiving(
            (_, update, _) => { received.Enqueue(update.Id); return Task.CompletedTask; },
            (_, _, _) => Task.CompletedTask,
            new ReceiverOptions { AllowedUpdates = [] },
            stop.Token);
        await Server.WaitUntilAsync(_ => received.Count >= 3, TimeSpan.FromSeconds(10), Ct);
        var late = Server.EnqueueMessage(Anna, "spät").UpdateId;
        await Server.WaitUntilAsync(s => received.Count >= 4 && s.PendingUpdateIds.All(id => id == late), TimeSpan.FromSeconds(10), Ct);
        await stop.CancelAsync();

        Assert.Equal([.. ids, late], received);
    }
}
