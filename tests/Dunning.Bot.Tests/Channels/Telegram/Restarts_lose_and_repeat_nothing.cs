namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class Restarts_lose_and_repeat_nothing : TelegramChannelTestBase
{
    [Fact]
    public async Task A_restart_mid_stream_loses_no_update_and_handles_none_twice()
    {
        Bot.TurnDuration = TimeSpan.FromMilliseconds(150);
        var sent = Enumerable.Range(1, 12).Select(i => $"Nachricht {i}").ToArray();
        foreach (var text in sent[..8])
            Server.EnqueueMessage(Anna, text);
        await UntilAsync(() => Bot.Received.Count >= 3);

        await StopHostAsync();
        var handledBeforeRestart = Bot.Received.Count;
        foreach (var text in sent[8..])
            Server.EnqueueMessage(Anna, text);
        await StartHostAsync();
        await UntilAsync(() => Bot.Received.Count == sent.Length);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct); // time for a wrongly repeated update to show up

        Assert.InRange(handledBeforeRestart, 3, sent.Length - 4);
        Assert.Equal(sent, Bot.Texts);
    }

    [Fact]
    public async Task Updates_received_while_the_host_was_down_are_handled_after_the_start()
    {
        Server.EnqueueMessage(Anna, "vorher");
        await UntilAsync(() => Bot.Received.Count == 1);
        await StopHostAsync();

        Server.EnqueueMessage(Anna, "während der Pause");
        await StartHostAsync();
        await UntilAsync(() => Bot.Received.Count == 2);

        Assert.Equal(["vorher", "während der Pause"], Bot.Texts);
        // The handled update is confirmed with the next getUpdates offset, a poll later: wait for it rather than race it.
        await UntilAsync(() => Server.PendingUpdateCount == 0);
        Assert.Equal(0, Server.PendingUpdateCount);
    }
}
