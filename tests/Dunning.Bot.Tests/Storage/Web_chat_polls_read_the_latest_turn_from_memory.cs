using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;

namespace Dunning.Bot.Tests.Storage;

/// <summary>
/// The web chat log on a file this process owns alone: the activities committed last in a conversation (a turn's echo
/// and replies) answer the poll that follows without a query, only once committed, and a poll from further back reads
/// the file. On a shared file another process may append, so every poll reads the file. (Where an answer comes from is
/// shown by removing the stored activities behind the store's back, which no real writer does.)
/// </summary>
public sealed class Web_chat_polls_read_the_latest_turn_from_memory : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase temp = new();
    private readonly LiteDbContext context;
    private readonly LiteWebChatStore store;

    public Web_chat_polls_read_the_latest_turn_from_memory()
    {
        context = temp.Open();
        store = new LiteWebChatStore(context);
    }

    public void Dispose()
    {
        context.Dispose();
        temp.Dispose();
    }

    [Fact]
    public async Task The_poll_after_a_committed_turn_is_answered_from_memory_and_an_older_one_from_the_file()
    {
        await StartWithHelloAsync();
        using (var unit = context.BeginUnitOfWork())
        {
            await store.AppendAsync("c1", [Message("question")], None);
            await store.AppendAsync("c1", [Message("answer")], None);
            Assert.Empty((await store.ReadAsync("c1", 1, 10, None)).Activities);
            await unit.CommitAsync(None);
        }

        RemoveStoredActivities();

        var latest = await store.ReadAsync("c1", 1, 10, None);
        Assert.Equal(["question", "answer"], Texts(latest));
        Assert.Equal(3, latest.Watermark);
        Assert.Equal(["answer"], Texts(await store.ReadAsync("c1", 2, 10, None)));
        Assert.Equal((0, 3L), Count(await store.ReadAsync("c1", 3, 10, None)));
        Assert.Equal((0, 0L), Count(await store.ReadAsync("c1", null, 10, None)));
    }

    [Fact]
    public async Task A_discarded_turn_leaves_nothing_in_memory_and_the_next_one_is_remembered()
    {
        await StartWithHelloAsync();
        using (context.BeginUnitOfWork())
            await store.AppendAsync("c1", [Message("lost")], None);

        Assert.Equal((0, 1L), Count(await store.ReadAsync("c1", 1, 10, None)));
        await store.AppendAsync("c1", [Message("next")], None);
        RemoveStoredActivities();

        Assert.Equal(["next"], Texts(await store.ReadAsync("c1", 1, 10, None)));
    }

    [Fact]
    public async Task On_a_shared_file_a_poll_sees_what_another_process_appended()
    {
        using var other = new TempDatabase();
        var options = new StorageOptions { Path = other.Path, Connection = StorageConnection.Shared };
        using var here = new LiteDbContext(options);
        using var elsewhere = new LiteDbContext(options);
        var shared = new LiteWebChatStore(here);
        await shared.CreateConversationAsync("c1", "u1", DateTimeOffset.UnixEpoch, None);
        await shared.AppendAsync("c1", [Message("from here")], None);

        await new LiteWebChatStore(elsewhere).AppendAsync("c1", [Message("from elsewhere")], None);

        Assert.Equal(["from elsewhere"], Texts(await shared.ReadAsync("c1", 1, 10, None)));
    }

    private async Task StartWithHelloAsync()
    {
        await store.CreateConversationAsync("c1", "u1", DateTimeOffset.UnixEpoch, None);
        await store.AppendAsync("c1", [Message("hello")], None);
    }

    private void RemoveStoredActivities() => context.Database.GetCollection(LiteWebChatStore.Activities).DeleteAll();

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static (int, long) Count(Dunning.Bot.Channels.WebChat.ActivityPage page) => (page.Activities.Count, page.Watermark);

    private static List<string?> Texts(Dunning.Bot.Channels.WebChat.ActivityPage page) =>
        [.. page.Activities.Select(a => JsonDocument.Parse(a).RootElement.GetProperty("text").GetString())];
}
