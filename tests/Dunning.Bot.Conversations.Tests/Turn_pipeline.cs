using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Conversations.Testing;

namespace Dunning.Bot.Conversations.Tests;

public class Turn_pipeline
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private sealed class Recording(string name, List<string> log, bool callNext = true) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            log.Add(name + ">");
            if (callNext)
                await next(cancellationToken);
            log.Add("<" + name);
        }
    }

    [Fact]
    public async Task Middleware_runs_in_order_around_the_bot()
    {
        var log = new List<string>();
        var adapter = new TestAdapter();
        adapter.Use(new Recording("a", log)).Use(new Recording("b", log));

        await adapter.SendTextToBotAsync("hi", (_, _) => { log.Add("bot"); return Task.CompletedTask; }, Ct);

        Assert.Equal(["a>", "b>", "bot", "<b", "<a"], log);
    }

    [Fact]
    public async Task A_middleware_that_does_not_call_next_short_circuits_the_turn()
    {
        var log = new List<string>();
        var adapter = new TestAdapter();
        adapter.Use(new Recording("gate", log, callNext: false)).Use(new Recording("later", log));

        await adapter.SendTextToBotAsync("hi", (_, _) => { log.Add("bot"); return Task.CompletedTask; }, Ct);

        Assert.Equal(["gate>", "<gate"], log);
    }

    [Fact]
    public async Task Replies_are_addressed_to_the_incoming_conversation()
    {
        var adapter = new TestAdapter("telegram");

        await adapter.SendTextToBotAsync("hi", (turn, ct) => turn.SendActivityAsync("hello", ct), Ct);

        var reply = Assert.Single(adapter.SentActivities);
        Assert.Equal(("bot", "user1", "convo1", "telegram"), (reply.From!.Id, reply.Recipient!.Id, reply.Conversation!.Id, reply.ChannelId));
        Assert.NotNull(reply.ReplyToId);
    }

    [Fact]
    public async Task Send_hooks_can_change_and_suppress_outgoing_activities()
    {
        var adapter = new TestAdapter();
        var responded = false;

        await adapter.SendTextToBotAsync("hi", async (turn, ct) =>
        {
            turn.OnSendActivities(async (_, activities, next) =>
            {
                activities.RemoveAll(a => a.Text == "secret");
                foreach (var a in activities)
                    a.Text = a.Text!.ToUpperInvariant();
                return await next();
            });
            await turn.SendActivitiesAsync([Activity.CreateMessage("one"), Activity.CreateMessage("secret")], ct);
            responded = turn.Responded;
        }, Ct);

        Assert.Equal(["ONE"], adapter.SentActivities.Select(a => a.Text));
        Assert.True(responded);
    }

    [Fact]
    public async Task Update_and_delete_go_through_their_hooks_to_the_adapter()
    {
        var adapter = new TestAdapter();
        var seen = new List<string>();

        await adapter.SendTextToBotAsync("hi", async (turn, ct) =>
        {
            turn.OnUpdateActivity((_, a, next) => { seen.Add("update " + a.Id); return next(); });
            turn.OnDeleteActivity((_, r, next) => { seen.Add("delete " + r.ActivityId); return next(); });
            await turn.UpdateActivityAsync(new Activity { Id = "r1", Text = "changed" }, ct);
            await turn.DeleteActivityAsync("r2", ct);
        }, Ct);

        Assert.Equal(["update r1", "delete r2"], seen);
        Assert.Equal("changed", Assert.Single(adapter.UpdatedActivities).Text);
        Assert.Equal(["r2"], adapter.DeletedActivityIds);
    }

    [Fact]
    public async Task A_failed_turn_replies_neutrally_in_the_users_language_and_resets_conversation_state()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var adapter = new TestAdapter();
        adapter.Conversation.Locale = "de-DE";
        adapter.StatesToResetOnError.Add(state);
        await adapter.SendTextToBotAsync("seed", async (turn, ct) =>
        {
            await state.CreateProperty<string>("stack").SetAsync(turn, "broken", ct);
            await state.SaveChangesAsync(turn, false, ct);
        }, Ct);

        await adapter.SendTextToBotAsync("boom", (_, _) => throw new InvalidOperationException("bug"), Ct);

        Assert.Equal(TurnErrorReply.Default.For("de"), adapter.SentActivities.Single().Text);
        Assert.StartsWith("Entschuldigung", adapter.SentActivities.Single().Text, StringComparison.Ordinal);
        Assert.Equal(0, storage.Count);
    }

    [Fact]
    public async Task The_error_reply_is_configurable()
    {
        var adapter = new TestAdapter { ErrorReply = turn => "custom:" + turn.Activity.Locale };

        await adapter.SendTextToBotAsync("boom", (_, _) => throw new InvalidOperationException(), Ct);

        Assert.Equal("custom:en-US", adapter.SentActivities.Single().Text);
    }

    [Fact]
    public async Task A_storage_conflict_does_not_wipe_the_newer_state()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var adapter = new TestAdapter();
        adapter.StatesToResetOnError.Add(state);
        await adapter.SendTextToBotAsync("seed", async (turn, ct) =>
        {
            await state.CreateProperty<int>("n").SetAsync(turn, 1, ct);
            await state.SaveChangesAsync(turn, false, ct);
        }, Ct);

        await adapter.SendTextToBotAsync("x", (_, _) => throw new StorageConflictException("test/conversations/convo1", "1", "2"), Ct);

        Assert.Equal(1, storage.Count);
    }

    [Fact]
    public async Task Without_an_error_handler_exceptions_reach_the_caller()
    {
        var adapter = new TestAdapter { OnTurnError = null };

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            adapter.SendTextToBotAsync("boom", (_, _) => throw new InvalidOperationException(), Ct));
    }

    [Fact]
    public async Task Continue_conversation_delivers_a_proactive_message_to_the_user()
    {
        var adapter = new TestAdapter();
        ConversationReference? reference = null;
        await adapter.SendTextToBotAsync("hi", (turn, _) => { reference = turn.Activity.GetConversationReference(); return Task.CompletedTask; }, Ct);

        await adapter.ContinueConversationAsync(reference!, async (turn, ct) =>
        {
            Assert.Equal(ActivityTypes.Event, turn.Activity.Type);
            await turn.SendActivityAsync("reminder", ct);
        }, Ct);

        var sent = Assert.Single(adapter.SentActivities);
        Assert.Equal(("reminder", "user1", "convo1"), (sent.Text, sent.Recipient!.Id, sent.Conversation!.Id));
    }

    [Fact]
    public async Task Continuing_the_same_conversation_from_inside_its_turn_does_not_deadlock()
    {
        var adapter = new TestAdapter();

        var turn = adapter.SendTextToBotAsync("hi", (t, ct) =>
            adapter.ContinueConversationAsync(t.Activity.GetConversationReference(), (inner, c) => inner.SendActivityAsync("nested", c), ct), Ct);

        Assert.Same(turn, await Task.WhenAny(turn, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal("nested", adapter.SentActivities.Single().Text);
    }
}
