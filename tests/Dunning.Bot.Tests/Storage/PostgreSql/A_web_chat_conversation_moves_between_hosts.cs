using System.Text.Json;
using Dunning.Bot.Storage;
using Dunning.Bot.Tests.Channels.WebChat;
using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// Two hosts on one PostgreSQL database, no sticky sessions: a web chat conversation started and linked on host A takes a
/// message on host B, and polling with a watermark on either host returns the same activities in the same order — the
/// conversation, its activity log and numbering, the token's signing key and the debtor's binding are shared state.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class A_web_chat_conversation_moves_between_hosts(PostgresServer server)
{
    [PostgresFact]
    public async Task A_message_posted_on_host_b_is_answered_with_the_state_from_host_a_and_both_hosts_read_the_same_log()
    {
        var connection = await server.CreateDatabaseAsync();
        using var a = Host(connection);
        using var b = Host(connection);
        using var owner = a.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-20", "Jane Doe", "en", "RE-2026-20", 1200m);
        var onA = await WebChatter.OpenAsync(a.CreateHttpClient());
        Assert.NotEmpty(await onA.JoinAsync(debtor.LinkToken, "en-GB"));
        var (before, watermark) = await onA.Client.PollAsync();

        // Host B continues the conversation with the token host A issued.
        var onB = new DirectLineClient(b.CreateHttpClient()) { Token = onA.Client.Token };
        await onB.ResumeAsync();
        var posted = await onB.SayAsync("How much do I still owe?", "c-on-b");
        var (newOnA, markA) = await onA.Client.PollAsync(watermark);
        var (newOnB, markB) = await onB.PollAsync(watermark);
        var (allOnB, _) = await onB.PollAsync();

        Assert.Equal(onA.Client.ConversationId, onB.ConversationId);
        Assert.Equal(Ids(newOnA), Ids(newOnB));
        Assert.Equal(markA, markB);
        Assert.Equal(Ids([.. before, .. newOnA]), Ids(allOnB));
        Assert.Equal(Enumerable.Range(1, allOnB.Length).Select(i => (long)i), allOnB.Select(Sequence));
        Assert.Equal(posted, newOnA[0].GetProperty("id").GetString());
        var answer = string.Join("\n", newOnA.Skip(1).Where(IsBot).Select(WebChatter.Text));
        Assert.Contains("RE-2026-20", answer, StringComparison.Ordinal);
        Assert.Contains("€1,200.00", answer, StringComparison.Ordinal);
        Assert.Empty((await onA.Client.PollAsync(markA)).Activities);
    }

    private BotHost Host(string connection) => new(EndToEndHost.Settings(new()
    {
        ["Storage:Provider"] = nameof(StorageProvider.PostgreSql),
        ["Storage:ConnectionString"] = connection,
    }));

    private static List<string> Ids(JsonElement[] activities) => [.. activities.Select(a => a.GetProperty("id").GetString()!)];

    private static long Sequence(JsonElement activity) =>
        long.Parse(activity.GetProperty("id").GetString()!.Split('|')[^1], System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsBot(JsonElement activity) => activity.GetProperty("from").GetProperty("role").GetString() == "bot";
}
