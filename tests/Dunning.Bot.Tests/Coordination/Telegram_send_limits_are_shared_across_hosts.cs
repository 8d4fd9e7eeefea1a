using Dunning.Bot.Channels;
using Dunning.Bot.Conversations;
using Dunning.Bot.Tests.Fakes.Telegram;
using Dunning.Bot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Dunning.Bot.Tests.Coordination;

/// <summary>
/// Telegram allows a bot about 30 messages a second, whichever host sends them. Two hosts on one PostgreSQL database
/// dispatching reminders at once share that budget (the fake server enforces it, as Telegram does); without sharing the
/// same two hosts exceed it, which shows the test can tell. The limit of one message a second per chat is shared too.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Telegram_send_limits_are_shared_across_hosts(PostgresServer postgres, ITestOutputHelper output) : TelegramHostsOnOneDatabase(postgres)
{
    private const int PerHost = 45;
    private const int SendersPerHost = 3;
    private static readonly FakeUser[] Debtors = [.. Enumerable.Range(1, 2 * PerHost).Select(i => new FakeUser(7000 + i, $"Debtor {i}"))];

    [PostgresFact]
    public async Task Two_hosts_sending_at_once_stay_within_thirty_a_second_and_deliver_everything()
    {
        var results = await SendFromTwoHostsAsync(share: true);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        Assert.DoesNotContain(Server.Calls, c => c.StatusCode == 429);
        Assert.Equal(Debtors.Length, Server.SentMessages.Count);
        Assert.Equal(Debtors.Select(d => d.Id).Order(), Server.SentMessages.Select(m => m.ChatId).Order());
        var sent = Server.SentMessages;
        var span = sent[^1].SentAt - sent[0].SentAt;
        output.WriteLine($"{sent.Count} messages from two hosts in {span.TotalSeconds:F2} s: {(sent.Count - 1) / span.TotalSeconds:F1} a second, no 429");
    }

    [PostgresFact]
    public async Task Without_sharing_the_same_two_hosts_send_too_fast()
    {
        var results = await SendFromTwoHostsAsync(share: false);

        Assert.Contains(Server.Calls, c => c.Method == "sendMessage" && c.StatusCode == 429);
        Assert.Contains(results, r => r.Status == DeliveryStatus.RetryLater);
        output.WriteLine($"without sharing: {Server.Calls.Count(c => c.Method == "sendMessage" && c.StatusCode == 429)} answers 429 of {Server.Calls.Count(c => c.Method == "sendMessage")} sends");
    }

    [PostgresFact]
    public async Task Two_hosts_writing_to_one_chat_at_once_send_it_one_message_a_second()
    {
        var debtor = new FakeUser(7500, "Debtor in two hosts' hands");
        Server.RegisterPrivateChat(debtor);
        var (a, b) = await LeaderAndOtherAsync();

        var results = await Task.WhenAll(new[] { a, b, a, b }.Select((host, i) => Task.Run(() =>
            host.Telegram.SendAsync(ChatOf(debtor), [Activity.CreateMessage($"Nachricht {i + 1}")], Ct), Ct)));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        Assert.DoesNotContain(Server.Calls, c => c.StatusCode == 429);
        var sent = Server.SentMessages.Where(m => m.ChatId == debtor.Id).Select(m => m.SentAt).Order().ToList();
        Assert.Equal(4, sent.Count);
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1),
            $"two messages to one chat {(pair.Second - pair.First).TotalMilliseconds:F0} ms apart"));
    }

    /// <summary>Each host sends <see cref="PerHost"/> reminders, to chats of its own, from <see cref="SendersPerHost"/>
    /// senders at once (as dispatch and replies do).</summary>
    private async Task<DeliveryResult[]> SendFromTwoHostsAsync(bool share)
    {
        var settings = new Dictionary<string, string?> { ["Coordination:ShareSendLimits"] = share ? "true" : "false" };
        foreach (var debtor in Debtors)
            Server.RegisterPrivateChat(debtor);
        var (a, b) = await LeaderAndOtherAsync(settings);
        var sends = new[] { a, b }.SelectMany((host, h) => Enumerable.Range(0, SendersPerHost).Select(sender => Task.Run(async () =>
        {
            var results = new List<DeliveryResult>();
            for (var i = sender; i < PerHost; i += SendersPerHost)
                results.Add(await host.Telegram.SendAsync(ChatOf(Debtors[h * PerHost + i]), [Activity.CreateMessage("Erinnerung: Rechnung RE-2026-0087 ist offen.")], Ct));
            return results;
        }, Ct)));
        return [.. (await Task.WhenAll(sends)).SelectMany(r => r)];
    }

    private static ConversationReference ChatOf(FakeUser user) => new()
    {
        ChannelId = "telegram",
        Conversation = new ConversationAccount(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        User = new ChannelAccount(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };
}
