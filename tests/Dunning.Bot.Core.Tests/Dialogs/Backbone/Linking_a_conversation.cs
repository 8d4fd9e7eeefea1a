using Dunning.Bot.Core.Domain;
using static Dunning.Bot.Core.Tests.Dialogs.Backbone.Samples;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>Binding a chat to a debtor by link token or access code, in German and English.</summary>
public sealed class Linking_a_conversation
{
    public static TheoryData<string, string, Turn[]> ByToken => new()
    {
        { ChannelKind.WebChat, Erika, [new Turn("join:" + ErikaToken, new Reply("linking.linked", ErikaLinked, WithMenu: true)) { Locale = "de-DE" }] },
        { ChannelKind.WebChat, John, [new Turn("join:" + JohnToken, new Reply("linking.linked", JohnLinked, WithMenu: true)) { Locale = "en-GB" }] },
        { ChannelKind.Telegram, Erika, [new Turn("/start " + ErikaToken, new Reply("linking.linked", ErikaLinked, WithMenu: true))] },
        { ChannelKind.Telegram, John, [new Turn("/start " + JohnToken, new Reply("linking.linked", JohnLinked, WithMenu: true))] },
    };

    [Theory]
    [MemberData(nameof(ByToken))]
    public async Task A_link_token_binds_the_chat_and_greets_with_a_summary(string channel, string debtorId, Turn[] transcript)
    {
        var harness = new ConversationHarness(channel);
        await harness.PlayAsync(transcript);

        Assert.Equal(debtorId, harness.Link!.DebtorId);
        Assert.Equal(harness.Debtor(debtorId).Language, harness.Link.Language);
        Assert.Equal(harness.Adapter.Conversation.Conversation!.Id, harness.Debtor(debtorId).Contact(channel)!.Address);
        Assert.Equal([CaseActionKinds.Linked], harness.Cases.KindsOf(debtorId));
        Assert.DoesNotContain(harness.Transcripts.All, e => (e.Text + e.Value).Contains(debtorId == Erika ? ErikaToken : JohnToken, StringComparison.Ordinal));
    }

    public static TheoryData<string, Turn[]> ByCode => new()
    {
        {
            Erika,
            [
                new Turn("Wie viel muss ich noch bezahlen?", new Reply("linking.ask_code")),
                new Turn("Mein Code ist abcd-2345", new Reply("linking.linked", ErikaLinked, WithMenu: true)),
            ]
        },
        {
            John,
            [
                new Turn("How much do I still have to pay?", new Reply("linking.ask_code")),
                new Turn("wxyz 6789", new Reply("linking.linked", JohnLinked, WithMenu: true)),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(ByCode))]
    public async Task An_access_code_typed_in_any_form_binds_the_chat(string debtorId, Turn[] transcript)
    {
        var harness = new ConversationHarness();
        await harness.PlayAsync(transcript);

        Assert.Equal(debtorId, harness.Link!.DebtorId);
        Assert.Equal(0, harness.Link.FailedCodeAttempts);
        Assert.Contains(harness.Transcripts.All, e => e is { Direction: TranscriptDirection.Inbound, Text: "***" });
        Assert.DoesNotContain(harness.Transcripts.All, e => e.Text?.Contains("2345", StringComparison.Ordinal) == true || e.Text?.Contains("6789", StringComparison.Ordinal) == true);
    }

    public static TheoryData<string, Turn[]> UntilCooldown => new()
    {
        {
            "de",
            [
                new Turn("ZZZZ2222", new Reply("linking.code_wrong", new { attempts_left = 4 })) { Locale = "de-DE" },
                new Turn("ZZZZ3333", new Reply("linking.code_wrong", new { attempts_left = 3 })),
                new Turn("ZZZZ4444", new Reply("linking.code_wrong", new { attempts_left = 2 })),
                new Turn("ZZZZ5555", new Reply("linking.code_wrong", new { attempts_left = 1 })),
                new Turn("ZZZZ6666", new Reply("linking.cooldown", new { until_time = "10:15", minutes = 15 })),
                new Turn(ErikaCode, new Reply("linking.cooldown", new { until_time = "10:15", minutes = 15 })),
            ]
        },
        {
            "en",
            [
                new Turn("my code is ZZZZ2222", new Reply("linking.code_wrong", new { attempts_left = 4 })),
                new Turn("ZZZZ3333", new Reply("linking.code_wrong", new { attempts_left = 3 })),
                new Turn("ZZZZ4444", new Reply("linking.code_wrong", new { attempts_left = 2 })),
                new Turn("ZZZZ5555", new Reply("linking.code_wrong", new { attempts_left = 1 })),
                new Turn("ZZZZ6666", new Reply("linking.cooldown", new { until_time = "10:15", minutes = 15 })),
                new Turn(JohnCode, new Reply("linking.cooldown", new { until_time = "10:15", minutes = 15 })),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(UntilCooldown))]
    public async Task Wrong_codes_lead_to_a_cooldown_in_which_even_the_right_code_is_not_checked(string language, Turn[] transcript)
    {
        var harness = new ConversationHarness();
        await harness.PlayAsync(transcript);

        Assert.Equal(language, harness.Link!.Language);
        Assert.False(harness.Link.IsLinked);
        Assert.Equal(harness.Clock.GetUtcNow().AddMinutes(15), harness.Link.CodeCooldownUntil);

        harness.Clock.Advance(TimeSpan.FromMinutes(15));
        var replies = await harness.SayAsync(language == "de" ? ErikaCode : JohnCode);
        Assert.Single(replies);
        Assert.True(harness.Link!.IsLinked);
        Assert.Null(harness.Link.CodeCooldownUntil);
    }

    [Fact]
    public async Task A_wrong_link_token_counts_as_a_failed_attempt()
    {
        var harness = new ConversationHarness(ChannelKind.Telegram);
        await harness.PlayAsync([new Turn("/start not_a_real_token", new Reply("linking.token_unknown"))]);
        Assert.Equal(1, harness.Link!.FailedCodeAttempts);
        Assert.False(harness.Link.IsLinked);
    }

    [Theory]
    [InlineData("/start ../../etc/passwd")]
    [InlineData("/start ' OR 1=1 --")]
    [InlineData("/start AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Hostile_link_tokens_are_refused_like_unknown_ones(string says)
    {
        var harness = new ConversationHarness(ChannelKind.Telegram);
        await harness.PlayAsync([new Turn(says, new Reply("linking.token_unknown"))]);
        Assert.False(harness.Link!.IsLinked);
    }
}
