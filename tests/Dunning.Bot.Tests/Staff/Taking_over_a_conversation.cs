using System.Net;
using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Staff.Actions;
using Dunning.Bot.Tests.Channels.WebChat;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// A debtor in the real web chat (Direct Line over loopback) asks for a person; staff take over, reply and hand back
/// through the console's HTTP forms. Ownership is exclusive unless overridden.
/// </summary>
public sealed class Taking_over_a_conversation : IDisposable
{
    private readonly StaffHost host = new();

    [Fact]
    public async Task A_person_takes_over_replies_and_hands_back_and_the_debtor_sees_it_all()
    {
        var (chat, key) = await DebtorAsksForAPersonAsync();
        var link = await host.Get<IConversationStore>().FindAsync(key, CancellationToken.None);
        Assert.Equal(HandoffState.Pending, link!.Handoff);
        var escalation = Assert.Single(await host.Get<IEscalationStore>().ListOpenAsync(CancellationToken.None));
        Assert.Equal((EscalationReason.RequestHuman, key), (escalation.Reason, escalation.ConversationKey));

        using var sam = await host.SignedInAsync("sam");
        var page = Page(key);
        Assert.Contains("Erika Muster", await sam.GetStringAsync("/console"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffHost.PostFormAsync(sam, page, [], page + "&handler=TakeOver")).StatusCode);

        link = await host.Get<IConversationStore>().FindAsync(key, CancellationToken.None);
        Assert.Equal((HandoffState.Human, "sam"), (link!.Handoff, link.HandoffOwner));
        Assert.Equal(EscalationState.InProgress, (await host.Get<IEscalationStore>().FindAsync(escalation.Id, CancellationToken.None))!.State);
        var handoff = Assert.Single(host.Get<RecordingHandoffHub>().Recent);
        Assert.Equal((ActivityTypes.Event, HandoffEvents.Initiate), (handoff.Type, handoff.Name));
        var transcript = Assert.Single(handoff.Attachments!);
        Assert.Equal(HandoffEvents.TranscriptContentType, transcript.ContentType);
        var texts = transcript.Content!.Value.GetProperty("activities").EnumerateArray().Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null).ToList();
        Assert.Contains("I want to talk to a real person", texts);

        var before = (await chat.PollAsync()).Activities.Length;
        Assert.Equal(HttpStatusCode.Redirect, (await StaffHost.PostFormAsync(sam, page, new() { ["text"] = "Hello, this is Sam. How can I help?" }, page + "&handler=Reply")).StatusCode);
        var after = (await chat.PollAsync()).Activities;
        var reply = Assert.Single(after.Skip(before));
        Assert.Equal("Hello, this is Sam. How can I help?", reply.GetProperty("text").GetString());
        Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
        var recorded = await host.Get<ITranscriptStore>().ListAsync(key, null, 100, CancellationToken.None);
        Assert.Contains(recorded, e => e.Direction == TranscriptDirection.Outbound && e.Sender == "sam" && e.Text == "Hello, this is Sam. How can I help?");

        await chat.SayAsync("Thanks, I will pay on Friday", "c9");
        Assert.Equal(after.Length + 1, (await chat.PollAsync()).Activities.Length); // the bot stays silent while Sam owns it
        var conversationPage = await sam.GetStringAsync(page);
        Assert.Contains("Hello, this is Sam. How can I help?", conversationPage, StringComparison.Ordinal);
        Assert.Contains("Thanks, I will pay on Friday", conversationPage, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await StaffHost.PostFormAsync(sam, page, [], page + "&handler=HandBack")).StatusCode);
        link = await host.Get<IConversationStore>().FindAsync(key, CancellationToken.None);
        Assert.Equal((HandoffState.Bot, null), (link!.Handoff, link.HandoffOwner));
        var last = (await chat.PollAsync()).Activities[^1];
        Assert.Contains("Thank you for talking with our team.", last.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(EscalationState.Resolved, (await host.Get<IEscalationStore>().FindAsync(escalation.Id, CancellationToken.None))!.State);
        Assert.Equal(HandoffEvents.Status, host.Get<RecordingHandoffHub>().Recent[^1].Name);
        var actions = (await host.Get<IAuditLog>().ListAsync(StaffHost.DebtorId, 10, CancellationToken.None)).Select(a => a.Action).ToList();
        Assert.Equal(["hand-back", "reply", "take-over"], actions);
    }

    [Fact]
    public async Task Another_staff_member_cannot_take_over_without_the_override()
    {
        var (_, key) = await DebtorAsksForAPersonAsync();
        using var sam = await host.SignedInAsync("sam");
        using var sue = await host.SignedInAsync("sue");
        var page = Page(key);
        await StaffHost.PostFormAsync(sam, page, [], page + "&handler=TakeOver");

        var refused = await StaffHost.PostFormAsync(sue, page, [], page + "&handler=TakeOver");
        var replyRefused = await StaffHost.PostFormAsync(sue, page, new() { ["text"] = "hi" }, page + "&handler=Reply");
        var handBackRefused = await StaffHost.PostFormAsync(sue, page, [], page + "&handler=HandBack");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("sam has this conversation", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, replyRefused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, handBackRefused.StatusCode);
        Assert.Equal("sam", (await host.Get<IConversationStore>().FindAsync(key, CancellationToken.None))!.HandoffOwner);

        var taken = await StaffHost.PostFormAsync(sue, page, new() { ["force"] = "true" }, page + "&handler=TakeOver");
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal("sue", (await host.Get<IConversationStore>().FindAsync(key, CancellationToken.None))!.HandoffOwner);
        var audit = await host.Get<IAuditLog>().ListAsync(StaffHost.DebtorId, 10, CancellationToken.None);
        Assert.Equal(("sue", "take-over-override"), (audit[0].Actor, audit[0].Action));
        Assert.Contains("\"owner\":\"sam\"", audit[0].Before, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_or_oversized_reply_is_refused(string text)
    {
        var (chat, key) = await DebtorAsksForAPersonAsync();
        using var sam = await host.SignedInAsync("sam");
        var page = Page(key);
        await StaffHost.PostFormAsync(sam, page, [], page + "&handler=TakeOver");
        var before = (await chat.PollAsync()).Activities.Length;

        var empty = await StaffHost.PostFormAsync(sam, page, new() { ["text"] = text }, page + "&handler=Reply");
        var huge = await StaffHost.PostFormAsync(sam, page, new() { ["text"] = new string('x', ConversationActions.MaxReplyLength + 1) }, page + "&handler=Reply");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(before, (await chat.PollAsync()).Activities.Length);
    }

    [Fact]
    public async Task An_unknown_conversation_is_not_found()
    {
        using var sam = await host.SignedInAsync("sam");
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync(Page("webchat/<script>nope"))).StatusCode);
    }

    private static string Page(string key) => "/console/conversation?key=" + Uri.EscapeDataString(key);

    private async Task<(DirectLineClient Chat, string Key)> DebtorAsksForAPersonAsync()
    {
        var chat = new DirectLineClient(host.Host.CreateHttpClient());
        await chat.StartAsync();
        var join = JsonSerializer.Serialize(new { type = "event", name = "webchat/join", value = new { linkToken = "tok_d100_abcdefghijklmnop", locale = "en-GB" } });
        Assert.Equal(HttpStatusCode.OK, (await chat.PostAsync(join)).StatusCode);
        await chat.SayAsync("I want to talk to a real person", "c1");
        return (chat, ConversationLink.KeyFor("webchat", chat.ConversationId));
    }

    public void Dispose() => host.Dispose();
}
