namespace Dunning.Bot.Core.Domain;

/// <summary>The channels a debtor can be reached on; the wire name is the Bot Framework channel id.</summary>
public static class ChannelKind
{
    public const string Telegram = "telegram";
    public const string Teams = "msteams";
    public const string WebChat = "webchat";

    /// <summary>E-mail: the address is the debtor's e-mail address; a reminder goes there when no chat can take it.</summary>
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [Telegram, Teams, WebChat, Email];

    public static bool IsKnown(string? channel) => channel is not null && All.Contains(channel);
}
