using System.Text.Json;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using Dunning.Bot.Storage;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// <see cref="IWebChatStore"/>: conversations exist once started; appends number their activities one by one per
/// conversation; reads page by watermark and never leak another conversation's log (also one whose id starts the same);
/// a deleted conversation is gone with its log; inside a unit of work appends land at its commit or not at all. A client's
/// activity id is recorded once per conversation (across hosts), with the unit of work, for a window of the log.
/// </summary>
public abstract class WebChatStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private IWebChatStore Store => Get<IWebChatStore>();

    [ContractFact]
    public async Task A_started_conversation_exists_and_an_unknown_one_does_not()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);

        Assert.True(await Store.ExistsAsync("c1", None));
        Assert.False(await Store.ExistsAsync("c2", None));
        Reopen();
        Assert.True(await Store.ExistsAsync("c1", None));
    }

    [ContractFact]
    public async Task Appends_number_activities_one_by_one_and_set_their_ids()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        var first = Message("one");
        var batch = new[] { Message("two"), Message("three") };

        var ids = (await Store.AppendAsync("c1", [first], None)).Concat(await Store.AppendAsync("c1", batch, None)).ToList();

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(ids, [first.Id!, batch[0].Id!, batch[1].Id!]);
        Assert.Equal(3, await Store.LastSequenceAsync("c1", None));
        Assert.Equal(["one", "two", "three"], Texts(await Store.ReadAsync("c1", null, 10, None)));
    }

    [ContractFact]
    public async Task Reads_page_by_watermark_and_an_empty_page_keeps_the_watermark()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        await Store.AppendAsync("c1", [.. Enumerable.Range(1, 5).Select(i => Message($"m{i}"))], None);

        var first = await Store.ReadAsync("c1", null, 2, None);
        var second = await Store.ReadAsync("c1", first.Watermark, 2, None);
        var third = await Store.ReadAsync("c1", second.Watermark, 2, None);
        var nothing = await Store.ReadAsync("c1", third.Watermark, 2, None);

        Assert.Equal(["m1", "m2"], Texts(first));
        Assert.Equal(["m3", "m4"], Texts(second));
        Assert.Equal(["m5"], Texts(third));
        Assert.Empty(nothing.Activities);
        Assert.Equal(5, nothing.Watermark);
    }

    [ContractFact]
    public async Task The_sequence_goes_on_after_a_restart()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        await Store.AppendAsync("c1", [Message("before")], None);

        Reopen();
        await Store.AppendAsync("c1", [Message("after")], None);

        Assert.Equal(2, await Store.LastSequenceAsync("c1", None));
        Assert.Equal(["after"], Texts(await Store.ReadAsync("c1", 1, 10, None)));
    }

    [ContractFact]
    public async Task A_conversation_never_reads_another_ones_log_even_with_a_similar_id()
    {
        foreach (var id in new[] { "c1", "c10", "c1x" })
        {
            await Store.CreateConversationAsync(id, "u", Clock.GetUtcNow(), None);
            await Store.AppendAsync(id, [Message("in " + id)], None);
        }

        Assert.Equal(["in c1"], Texts(await Store.ReadAsync("c1", null, 10, None)));
        Assert.Equal(1, await Store.LastSequenceAsync("c1", None));
        Assert.Empty((await Store.ReadAsync("c2", null, 10, None)).Activities);
        Assert.Equal(0, await Store.LastSequenceAsync("c2", None));
    }

    [ContractFact]
    public async Task A_deleted_conversation_is_gone_with_its_log_and_others_stay()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        await Store.CreateConversationAsync("c2", "u2", Clock.GetUtcNow(), None);
        await Store.AppendAsync("c1", [Message("secret")], None);
        await Store.AppendAsync("c2", [Message("kept")], None);

        await Store.DeleteConversationAsync("c1", None);

        Assert.False(await Store.ExistsAsync("c1", None));
        Assert.Empty((await Store.ReadAsync("c1", null, 10, None)).Activities);
        Assert.Equal(["kept"], Texts(await Store.ReadAsync("c2", null, 10, None)));
        await Store.DeleteConversationAsync("c1", None);
    }

    [ContractFact]
    public async Task Conversations_started_before_a_cutoff_come_oldest_first_up_to_a_limit()
    {
        var start = Clock.GetUtcNow();
        await Store.CreateConversationAsync("late", "u", start.AddHours(3), None);
        await Store.CreateConversationAsync("early", "u", start, None);
        await Store.CreateConversationAsync("middle", "u", start.AddHours(1), None);

        Assert.Equal(["early", "middle"], await Store.ListStartedBeforeAsync(start.AddHours(2), 10, None));
        Assert.Equal(["early"], await Store.ListStartedBeforeAsync(start.AddHours(4), 1, None));
        Assert.Empty(await Store.ListStartedBeforeAsync(start, 10, None));
    }

    [ContractFact]
    public async Task Idle_conversations_leave_memory_and_still_exist()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        await Store.AppendAsync("c1", [Message("one")], None);
        Clock.Advance(TimeSpan.FromHours(2));

        Store.EvictIdle(Clock.GetUtcNow().AddHours(-1));

        Assert.Equal(0, Store.ConversationsInMemory);
        Assert.True(await Store.ExistsAsync("c1", None));
        await Store.AppendAsync("c1", [Message("two")], None);
        Assert.Equal(2, await Store.LastSequenceAsync("c1", None));
    }

    [ContractFact]
    public async Task Inside_a_unit_of_work_appends_land_at_its_commit()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);

        using (var unit = Get<IUnitOfWorkFactory>().BeginUnitOfWork())
        {
            await Store.AppendAsync("c1", [Message("echo"), Message("reply")], None);
            await unit.CommitAsync(None);
        }

        Assert.Equal(["echo", "reply"], Texts(await Store.ReadAsync("c1", null, 10, None)));
    }

    [ContractFact]
    public async Task A_unit_of_work_disposed_without_commit_appends_nothing_and_numbering_goes_on_from_what_landed()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        await Store.AppendAsync("c1", [Message("landed")], None);

        using (Get<IUnitOfWorkFactory>().BeginUnitOfWork())
            await Store.AppendAsync("c1", [Message("lost"), Message("lost too")], None);
        var next = await Store.AppendAsync("c1", [Message("next")], None);

        Assert.Equal(["landed", "next"], Texts(await Store.ReadAsync("c1", null, 10, None)));
        Assert.Equal(2, await Store.LastSequenceAsync("c1", None));
        Assert.Equal(next[0], (await Store.ReadAsync("c1", 1, 10, None)).Activities.Select(Id).Single());
    }

    [ContractFact]
    public async Task A_units_separate_appends_to_two_conversations_land_in_order_in_each_or_not_at_all()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        await Store.CreateConversationAsync("c2", "u2", Clock.GetUtcNow(), None);
        using (Get<IUnitOfWorkFactory>().BeginUnitOfWork())
        {
            await Store.AppendAsync("c1", [Message("lost")], None);
            await Store.AppendAsync("c1", [Message("lost too")], None);
        }

        using (var unit = Get<IUnitOfWorkFactory>().BeginUnitOfWork())
        {
            await Store.AppendAsync("c1", [Message("echo")], None);
            await Store.AppendAsync("c1", [Message("reply"), Message("buttons")], None);
            await Store.AppendAsync("c2", [Message("elsewhere")], None);
            await Store.AppendAsync("c1", [Message("later")], None);
            await unit.CommitAsync(None);
        }

        var c1 = await Store.ReadAsync("c1", null, 10, None);
        Assert.Equal(["echo", "reply", "buttons", "later"], Texts(c1));
        Assert.Equal((4, 4), (c1.Watermark, await Store.LastSequenceAsync("c1", None)));
        Assert.Equal(["elsewhere"], Texts(await Store.ReadAsync("c2", null, 10, None)));
    }

    [ContractFact]
    public async Task A_watermark_at_or_past_the_end_reads_nothing_and_keeps_it()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        await Store.AppendAsync("c1", [Message("one"), Message("two")], None);

        var atEnd = await Store.ReadAsync("c1", 2, 10, None);
        var past = await Store.ReadAsync("c1", long.MaxValue, 10, None);

        Assert.Equal((0, 2L), (atEnd.Activities.Count, atEnd.Watermark));
        Assert.Equal((0, long.MaxValue), (past.Activities.Count, past.Watermark));
        Assert.Equal(["two"], Texts(await Store.ReadAsync("c1", 1, 10, None)));
    }

    [ContractFact]
    public async Task Concurrent_appends_to_one_conversation_never_share_an_id()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        var store = Store;

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.AppendAsync("c1", [Message($"m{i}")], None))));

        Assert.Equal(20, ids.SelectMany(i => i).Distinct().Count());
        Assert.Equal(20, (await Store.ReadAsync("c1", null, 100, None)).Activities.Count);
    }

    [ContractFact]
    public void The_activity_set_json_carries_the_stored_activities_and_the_watermark()
    {
        var page = new ActivityPage(["{\"type\":\"message\"}", "{\"type\":\"typing\"}"], 7);

        using var json = JsonDocument.Parse(page.ToActivitySetJson());

        Assert.Equal(2, json.RootElement.GetProperty("activities").GetArrayLength());
        Assert.Equal("7", json.RootElement.GetProperty("watermark").GetString());
    }

    [ContractFact]
    public async Task A_client_id_is_recorded_once_per_conversation_and_found_after_a_restart_and_on_another_host()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        await Store.CreateConversationAsync("c2", "u2", Clock.GetUtcNow(), None);
        var echo = (await Store.AppendAsync("c1", [Message("hello")], None))[0];

        Assert.Null(await Store.FindClientActivityAsync("c1", "client-1", None));
        Assert.True(await Store.RecordClientActivityAsync("c1", "client-1", echo, 100, None));
        Assert.False(await Store.RecordClientActivityAsync("c1", "client-1", echo, 100, None));
        Reopen();

        Assert.Equal(echo, await Store.FindClientActivityAsync("c1", "client-1", None));
        Assert.Equal(echo, await SecondHost().WebChat.FindClientActivityAsync("c1", "client-1", None));
        Assert.Null(await Store.FindClientActivityAsync("c1", "CLIENT-1", None));
        Assert.Null(await Store.FindClientActivityAsync("c2", "client-1", None));
        var other = (await Store.AppendAsync("c2", [Message("hello")], None))[0];
        Assert.True(await Store.RecordClientActivityAsync("c2", "client-1", other, 100, None));
    }

    [ContractFact]
    public async Task A_client_id_recorded_in_a_unit_of_work_lands_at_its_commit_or_not_at_all()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        await using (Storage.BeginTurn())
        {
            var lost = (await Store.AppendAsync("c1", [Message("lost")], None))[0];
            Assert.True(await Store.RecordClientActivityAsync("c1", "failed-turn", lost, 100, None));
        }
        Assert.Null(await Store.FindClientActivityAsync("c1", "failed-turn", None));

        string echo;
        await using (var turn = Storage.BeginTurn())
        {
            echo = (await Store.AppendAsync("c1", [Message("retried")], None))[0];
            Assert.True(await Store.RecordClientActivityAsync("c1", "failed-turn", echo, 100, None));
            await turn.CommitAsync(None);
        }

        Assert.Equal(echo, await Store.FindClientActivityAsync("c1", "failed-turn", None));
        Assert.Equal(["retried"], Texts(await Store.ReadAsync("c1", null, 10, None)));
    }

    [ContractFact]
    public async Task Client_ids_are_kept_for_the_window_of_the_log_and_go_with_a_deleted_conversation()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        var ids = new List<string?>();
        for (var i = 1; i <= 6; i++)
        {
            var echo = (await Store.AppendAsync("c1", [Message($"m{i}")], None))[0];
            ids.Add(echo);
            Assert.True(await Store.RecordClientActivityAsync("c1", $"client-{i}", echo, 3, None));
        }

        // The last record (sequence 6) keeps those of sequences 3 to 6.
        Assert.Null(await Store.FindClientActivityAsync("c1", "client-1", None));
        Assert.Null(await Store.FindClientActivityAsync("c1", "client-2", None));
        Assert.Equal(ids[2..], [.. await Task.WhenAll(Enumerable.Range(3, 4).Select(i => Store.FindClientActivityAsync("c1", $"client-{i}", None)))]);

        await Store.DeleteConversationAsync("c1", None);
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        Assert.Null(await Store.FindClientActivityAsync("c1", "client-6", None));
    }

    [ContractFact]
    public async Task Of_two_hosts_recording_one_client_id_at_once_exactly_one_succeeds()
    {
        await Store.CreateConversationAsync("c1", "u1", Clock.GetUtcNow(), None);
        var echo = (await Store.AppendAsync("c1", [Message("hello")], None))[0];
        var (first, second) = (Store, SecondHost().WebChat);

        var recorded = await Task.WhenAll(
            Task.Run(() => first.RecordClientActivityAsync("c1", "same", echo, 100, None)),
            Task.Run(() => second.RecordClientActivityAsync("c1", "same", echo, 100, None)));

        Assert.Single(recorded, r => r);
        Assert.Equal(echo, await Store.FindClientActivityAsync("c1", "same", None));
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static List<string?> Texts(ActivityPage page) =>
        [.. page.Activities.Select(a => JsonDocument.Parse(a).RootElement.GetProperty("text").GetString())];

    private static string? Id(string activity) => JsonDocument.Parse(activity).RootElement.GetProperty("id").GetString();
}
