using System.Text.Json;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// The bot's command menu (setMyCommands) and what each command means to the bot.
/// </summary>
/// <remarks>
/// A command arrives as a message activity whose text is the command as typed (<c>/human</c>; <c>/start &lt;token&gt;</c>
/// keeps its payload) and whose <c>value</c> says what it means: <c>{"command":"human","intent":"request_human"}</c>.
/// The intent is given instead of translating the command into words because the recognizer does not know
/// <c>/invoice</c> and guesses the language of a bare word; the bot reads <c>value.intent</c> first (an exact
/// <see cref="IntentNames"/> wire name) and falls back to the text. <c>/start</c> and <c>/help</c> carry no intent:
/// linking and help belong to the bot's own start and interruption handling, which look at the text.
/// The descriptions shown in Telegram's menu are <c>command_&lt;name&gt;</c> in dialogs/telegram.&lt;lang&gt;.yaml.
/// </remarks>
public static class TelegramCommands
{
    /// <summary>The menu, in display order, with the intent each command stands for (null: the bot reads the text).</summary>
    public static IReadOnlyList<(string Command, Intent? Intent)> Menu { get; } =
    [
        ("start", null),
        ("help", null),
        ("invoice", Intent.AskInvoiceDetails),
        ("human", Intent.RequestHuman),
        ("stop", Intent.StopContact),
    ];

    /// <summary>Splits "/name@bot payload" into name and payload; false when the text is no command or names another bot.</summary>
    public static bool TryParse(string text, string? botUsername, out string command, out string payload)
    {
        ArgumentNullException.ThrowIfNull(text);
        command = payload = "";
        if (text.Length < 2 || text[0] != '/')
            return false;
        var end = text.IndexOfAny([' ', '\n', '\t']);
        var head = end < 0 ? text[1..] : text[1..end];
        payload = end < 0 ? "" : text[(end + 1)..].Trim();
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (botUsername is not null && !head[(at + 1)..].Equals(botUsername, StringComparison.OrdinalIgnoreCase))
                return false;
            head = head[..at];
        }
        if (head.Length == 0 || !head.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            return false;
        command = head.ToLowerInvariant();
        return true;
    }

    /// <summary>The text the bot sees ("/name payload", without "@bot") and the value describing the command.</summary>
    public static (string Text, JsonElement Value) Describe(string command, string payload)
    {
        var intent = Menu.FirstOrDefault(m => m.Command == command).Intent;
        var value = new Dictionary<string, string> { ["command"] = command };
        if (intent is { } known)
            value["intent"] = known.ToWireName();
        if (payload.Length > 0)
            value["payload"] = payload;
        var text = payload.Length > 0 ? $"/{command} {payload}" : "/" + command;
        return (text, JsonSerializer.SerializeToElement(value));
    }
}
