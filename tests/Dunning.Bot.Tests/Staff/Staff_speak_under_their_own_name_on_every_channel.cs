using System.Text.Json;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Cli;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Staff.Actions;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// A person from the team never looks like the bot: their replies carry their name and job (on the chat page as data
/// above the bubble, on Telegram and Teams as a first line), and joining and leaving are announced in the debtor's
/// language on every chat channel — not by e-mail, where a letter about a chat would only confuse.
/// </summary>
public sealed class Staff_speak_under_their_own_name_on_every_channel : IDisposable
{
    private readonly StaffHost host = new(new() { ["Creditor:Name"] = "Muster Handwerk GmbH" });

    [Fact]
    public async Task On_telegram_a_reply_opens_with_the_persons_name_and_job_in_the_debtors_language()
    {
        await host.Get<StaffAccounts>().CreateAsync("anna", StaffRole.Staff, StaffHost.Password, CancellationToken.None, "Anna Becker", "Buchhaltung");

        var reply = await host.Get<StaffVoice>().ReplyAsync(new StaffActor("anna", StaffRole.Staff), Link(ChannelKind.Telegram, "de"), "Ich kümmere mich darum.", CancellationToken.None);

        Assert.Equal("Anna Becker (Buchhaltung):\nIch kümmere mich darum.", reply.Text);
        Assert.Equal("de-DE", reply.Locale);
        Assert.Equal("Anna Becker", reply.From!.Name);
    }

    [Fact]
    public async Task On_the_chat_page_the_text_stays_as_written_and_the_sender_rides_along_as_data()
    {
        var reply = await host.Get<StaffVoice>().ReplyAsync(new StaffActor("olga", StaffRole.Owner), Link(ChannelKind.WebChat, "en"), "I'll look into it.", CancellationToken.None);

        Assert.Equal("I'll look into it.", reply.Text);
        var sender = reply.ChannelData!.Value.GetProperty("dunning").GetProperty("sender");
        Assert.Equal(("olga", "Management"), (sender.GetProperty("name").GetString(), sender.GetProperty("role").GetString()));
    }

    [Theory]
    [InlineData(ChannelKind.Telegram, "de", true, "sam von Muster Handwerk GmbH ist dem Chat beigetreten und antwortet Ihnen jetzt persönlich.")]
    [InlineData(ChannelKind.Teams, "en", true, "sam from Muster Handwerk GmbH has joined the chat and will answer you personally.")]
    [InlineData(ChannelKind.WebChat, "de", false, "sam von Muster Handwerk GmbH hat den Chat verlassen.")]
    public async Task Joining_and_leaving_are_announced_on_the_chat_channels(string channel, string language, bool joined, string notice)
    {
        var activity = await host.Get<StaffVoice>().NoticeAsync(new StaffActor("sam", StaffRole.Staff), Link(channel, language), joined, CancellationToken.None);

        Assert.Equal(notice, activity!.Text);
        Assert.Equal(joined ? "joined" : "left", activity.ChannelData!.Value.GetProperty("dunning").GetProperty("notice").GetString());
    }

    [Fact]
    public async Task By_email_no_notice_is_sent()
    {
        Assert.Null(await host.Get<StaffVoice>().NoticeAsync(new StaffActor("sam", StaffRole.Staff), Link(ChannelKind.Email, "de"), true, CancellationToken.None));
    }

    [Fact]
    public void Teams_gets_the_text_without_the_chat_pages_data()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Anna Becker (Buchhaltung):\nHallo",
            Conversation = new ConversationAccount("a:1", "personal"),
            ChannelData = JsonSerializer.SerializeToElement(new { dunning = new { sender = new { name = "Anna Becker" } } }),
        };

        var sent = TeamsCards.ForTeams(activity);

        Assert.Null(sent.ChannelData);
        Assert.Equal(activity.Text, sent.Text);
        Assert.NotNull(activity.ChannelData);
    }

    [Theory]
    [InlineData("--name", "")]
    [InlineData("--title", "Buch\nhaltung")]
    public async Task The_staff_verb_refuses_an_empty_or_multi_line_name_or_title_and_creates_nothing(string option, string value)
    {
        var error = new StringWriter();
        var verb = new StaffVerb(new StringReader(StaffHost.Password + "\n"));

        var exit = await verb.RunAsync(["add", "--user", "bad", "--role", "staff", option, value, "--password-stdin"], TextWriter.Null, error, CancellationToken.None);

        Assert.NotEqual(0, exit);
        Assert.Contains("display name or title", error.ToString(), StringComparison.Ordinal);
    }

    private static ConversationLink Link(string channel, string language) => new()
    {
        Key = ConversationLink.KeyFor(channel, "c-1"),
        Channel = channel,
        Language = language,
        Reference = new ConversationReference { ChannelId = channel, Conversation = new ConversationAccount("c-1") },
    };

    public void Dispose() => host.Dispose();
}
