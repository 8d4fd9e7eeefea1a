using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Hosting;
using Dunning.Bot.Staff.Accounts;

namespace Dunning.Bot.Staff.Actions;

/// <summary>
/// How a person from the team appears in the debtor's chat, so a staff reply never looks like the bot: the name and job
/// from the staff account (else the user name and a word for the role), the join and leave notices ("Anna Becker von
/// Demo Studio GmbH ist dem Chat beigetreten"), all from <c>dialogs/staff_chat.*.yaml</c> in the conversation's language.
/// The chat page reads the sender from <c>channelData.dunning.sender</c> and a notice from <c>channelData.dunning.notice</c>;
/// channels that show every bot message under the bot's name (Telegram, Teams) get a sender line above the text.
/// </summary>
public sealed class StaffVoice(IStaffAccountStore accounts, MessageCatalogue catalogue, CreditorProfile creditor)
{
    public const string Dialog = "staff_chat";

    /// <summary>The name and job <paramref name="actor"/> is shown with in <paramref name="language"/>.</summary>
    public async Task<(string Name, string Role)> SpeakerAsync(StaffActor actor, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var account = await accounts.FindAsync(actor.UserName, cancellationToken);
        var name = string.IsNullOrWhiteSpace(account?.DisplayName) ? actor.UserName : account.DisplayName;
        var role = string.IsNullOrWhiteSpace(account?.Title)
            ? catalogue.Render(Dialog, actor.IsOwner ? "role_owner" : "role_staff", language)
            : account.Title;
        return (name, role);
    }

    /// <summary>A staff member's reply to <paramref name="link"/>, marked as theirs.</summary>
    public async Task<Activity> ReplyAsync(StaffActor actor, ConversationLink link, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var (name, role) = await SpeakerAsync(actor, link.Language, cancellationToken);
        var shown = link.Channel == ChannelKind.WebChat
            ? text
            : catalogue.Render(Dialog, "sender", link.Language, new { staff = name, role }) + "\n" + text;
        var reply = Message(link, shown, new JsonObject { ["sender"] = new JsonObject { ["name"] = name, ["role"] = role } });
        reply.From = new ChannelAccount("staff", name) { Role = "bot" };
        return reply;
    }

    /// <summary>"… ist dem Chat beigetreten" (<paramref name="joined"/>) or "… hat den Chat verlassen"; null on e-mail, where a letter about a chat would confuse.</summary>
    public async Task<Activity?> NoticeAsync(StaffActor actor, ConversationLink link, bool joined, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Channel == ChannelKind.Email)
            return null;
        var (name, _) = await SpeakerAsync(actor, link.Language, cancellationToken);
        var key = joined ? "joined" : "left";
        var text = catalogue.Render(Dialog, key, link.Language, new { staff = name, creditor = creditor.Name });
        var notice = Message(link, text, new JsonObject { ["notice"] = key });
        notice.From = new ChannelAccount("bot") { Role = "bot" }; // a notice is the page's, not the person's
        return notice;
    }

    private Activity Message(ConversationLink link, string text, JsonObject own) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "plain",
        Locale = catalogue.Locale(link.Language),
        ChannelData = JsonSerializer.SerializeToElement(new JsonObject { [OwnChannelData.Property] = own }),
    };
}
