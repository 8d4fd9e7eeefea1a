using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Testing;

namespace Dunning.Bot.Conversations.Tests;

public class Activity_dispatch
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private sealed class Bot : ActivityHandler
    {
        public List<string> Calls { get; } = [];

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add("message:" + turnContext.Activity.Text);
            return Task.CompletedTask;
        }

        protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add("added:" + string.Join(",", membersAdded.Select(m => m.Id)));
            return Task.CompletedTask;
        }

        protected override Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add("event:" + turnContext.Activity.Name);
            return Task.CompletedTask;
        }

        protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add("invoke:" + turnContext.Activity.Name);
            return Task.FromResult(new InvokeResponse(200, JsonSerializer.SerializeToElement(new { ok = true })));
        }
    }

    private static async Task<(Bot Bot, ITurnContext Turn)> Run(Activity activity)
    {
        var bot = new Bot();
        ITurnContext? seen = null;
        var adapter = new TestAdapter();
        await adapter.ProcessActivityAsync(activity, async (turn, ct) => { seen = turn; await bot.OnTurnAsync(turn, ct); }, Ct);
        return (bot, seen!);
    }

    [Fact]
    public async Task Messages_reach_the_message_handler()
    {
        var (bot, _) = await Run(new TestAdapter().MakeActivity("hallo"));

        Assert.Equal(["message:hallo"], bot.Calls);
    }

    [Fact]
    public async Task Members_added_are_reported_without_the_bot_itself()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = "msteams",
            Conversation = new ConversationAccount("c"),
            Recipient = new ChannelAccount("bot"),
            MembersAdded = [new ChannelAccount("bot"), new ChannelAccount("29:user")],
        };

        var (bot, _) = await Run(activity);

        Assert.Equal(["added:29:user"], bot.Calls);
    }

    [Fact]
    public async Task An_invoke_answer_is_left_in_turn_state_for_the_channel_adapter()
    {
        var activity = new Activity { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", ChannelId = "msteams", Conversation = new ConversationAccount("c") };

        var (bot, turn) = await Run(activity);

        Assert.Equal(["invoke:adaptiveCard/action"], bot.Calls);
        Assert.Equal(200, turn.TurnState.Get<InvokeResponse>(InvokeResponse.TurnStateKey)!.Status);
    }

    [Fact]
    public async Task Events_and_unknown_types_do_not_reach_the_message_handler()
    {
        var (bot, _) = await Run(new Activity { Type = ActivityTypes.Event, Name = "reminderDue", ChannelId = "t", Conversation = new ConversationAccount("c") });
        var (other, _) = await Run(new Activity { Type = "somethingNew", ChannelId = "t", Conversation = new ConversationAccount("c") });

        Assert.Equal(["event:reminderDue"], bot.Calls);
        Assert.Empty(other.Calls);
    }
}
