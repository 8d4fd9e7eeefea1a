using Dunning.Bot.Core.Domain;
using static Dunning.Bot.Core.Tests.Dialogs.Backbone.Samples;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>
/// Every reply says in its <c>locale</c> which language it is written in — the debtor's once the chat is bound, the
/// client's before — instead of echoing the client's locale, so a chat page can follow it.
/// </summary>
public sealed class Replies_carry_the_conversation_language
{
    [Fact]
    public async Task A_german_debtor_in_an_english_browser_gets_german_replies_marked_german()
    {
        var harness = new ConversationHarness();

        var replies = await harness.JoinAsync(ErikaToken, "en-GB");
        var later = await harness.SayAsync("Wie viel ist noch offen?", "en-GB");

        Assert.All([.. replies, .. later], r => Assert.Equal("de-DE", r.Locale));
        Assert.StartsWith("Guten Tag, Erika Mustermann!", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_debtor_in_a_german_browser_gets_replies_marked_english()
    {
        var harness = new ConversationHarness();

        var replies = await harness.JoinAsync(JohnToken, "de-DE");

        Assert.Equal("en-GB", Assert.Single(replies).Locale);
        Assert.StartsWith("Hello John Smith", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_binding_a_client_writing_with_an_english_locale_is_greeted_in_english()
    {
        var harness = new ConversationHarness(ChannelKind.Teams);

        var replies = await harness.SayAsync("hi", "en-US");

        var reply = Assert.Single(replies);
        Assert.Equal("en", harness.Link!.Language);
        Assert.Equal("en-GB", reply.Locale);
        Assert.DoesNotContain("Guten Tag", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_binding_a_client_with_an_unknown_locale_gets_the_default_language()
    {
        var harness = new ConversationHarness(ChannelKind.Teams);

        var replies = await harness.SayAsync("hallo", "fr-FR");

        Assert.Equal("de", harness.Link!.Language);
        Assert.Equal("de-DE", Assert.Single(replies).Locale);
    }
}
