using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Core.Tests.Reminders;

/// <summary>
/// Which conversation a reminder goes to: the most recently active chat that can deliver, the owner's preferred channel
/// first, the debtor's e-mail address when no chat can (and the host has e-mail), and the owner told when nothing can.
/// </summary>
public sealed class Choosing_the_channel
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void The_most_recently_active_chat_that_can_deliver_wins_over_email()
    {
        var debtor = Debtor("korn@baeckerei.test");
        var chat = Link(debtor, ChannelKind.WebChat, "w-1", Now.AddDays(-1));

        Assert.Same(chat, ConversationChoice.Choose(debtor, [chat], Now));
    }

    [Fact]
    public void A_debtor_without_a_chat_that_can_deliver_is_reminded_at_the_email_address()
    {
        var debtor = Debtor("korn@baeckerei.test");
        var dead = Link(debtor, ChannelKind.Telegram, "t-1", Now.AddDays(-1));
        debtor.Contact(ChannelKind.Telegram)!.DeadSince = Now.AddDays(-2);

        var chosen = ConversationChoice.Choose(debtor, [dead], Now)!;

        Assert.Equal((ChannelKind.Email, "email/D-1", "D-1"), (chosen.Channel, chosen.Key, chosen.DebtorId));
        Assert.Equal("korn@baeckerei.test", chosen.Reference.User!.Id);
        Assert.True(debtor.Contact(ChannelKind.Email)!.CanReceiveProactive);
    }

    [Fact]
    public void Without_an_email_channel_the_dead_chat_is_kept_so_the_rules_can_say_why()
    {
        var debtor = Debtor("korn@baeckerei.test");
        var dead = Link(debtor, ChannelKind.Telegram, "t-1", Now.AddDays(-1));
        debtor.Contact(ChannelKind.Telegram)!.DeadSince = Now.AddDays(-2);

        Assert.Same(dead, ConversationChoice.Choose(debtor, [dead], null));
        Assert.Null(debtor.Contact(ChannelKind.Email));
    }

    [Fact]
    public void The_preferred_channel_comes_first_when_it_can_deliver()
    {
        var debtor = Debtor("korn@baeckerei.test");
        var recent = Link(debtor, ChannelKind.WebChat, "w-1", Now.AddHours(-1));
        var older = Link(debtor, ChannelKind.Telegram, "t-1", Now.AddDays(-20));
        debtor.PreferredChannel = ChannelKind.Telegram;
        Assert.Same(older, ConversationChoice.Choose(debtor, [recent, older], Now));

        debtor.PreferredChannel = ChannelKind.Email;
        Assert.Equal(ChannelKind.Email, ConversationChoice.Choose(debtor, [recent, older], Now)!.Channel);

        debtor.Contact(ChannelKind.Email)!.OptedOutAt = Now;
        Assert.Same(recent, ConversationChoice.Choose(debtor, [recent, older], Now));
    }

    [Fact]
    public async Task A_debtor_no_channel_can_reach_is_reported_to_the_owner_once()
    {
        var world = new PlannerWorld("2026-03-10T09:00:00+01:00");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-03-01");
        world.Ports.Links.Clear();

        Assert.Equal("no_address", (await world.PlanAsync("D-1")).Reason);
        world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("no_address", (await world.PlanAsync("D-1")).Reason);

        var alert = Assert.Single(world.Ports.Escalations);
        Assert.Equal(EscalationReason.DeadChannel, alert.Reason);
        Assert.StartsWith("Unreachable", alert.Detail, StringComparison.Ordinal);
    }

    private static Debtor Debtor(string email) => new()
    {
        Id = "D-1", Name = "Bäckerei Korn", AccessCode = "CODE1234", LinkToken = "token-1", Email = email,
    };

    private static ConversationLink Link(Debtor debtor, string channel, string id, DateTimeOffset lastInbound)
    {
        debtor.Reach(channel, id);
        var link = new ConversationLink
        {
            Key = ConversationLink.KeyFor(channel, id), Channel = channel, LastInboundAt = lastInbound,
            Reference = new ConversationReference { ChannelId = channel, Conversation = new ConversationAccount(id) },
        };
        link.LinkTo(debtor.Id, lastInbound);
        return link;
    }
}
