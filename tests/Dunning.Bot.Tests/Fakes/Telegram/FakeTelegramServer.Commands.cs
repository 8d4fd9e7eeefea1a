using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>setMyCommands/getMyCommands/deleteMyCommands: one list per (scope, language_code).</summary>
public sealed partial class FakeTelegramServer
{
    private const int MaxCommands = 100;

    private readonly Dictionary<string, IReadOnlyList<FakeBotCommand>> _commands = new(StringComparer.Ordinal);

    /// <summary>The list set for exactly this scope and language ("" = all languages), or null if none.
    /// Scope types are the Bot API's: default, all_private_chats, all_group_chats, all_chat_administrators,
    /// chat, chat_administrators, chat_member (the last three with <paramref name="chatId"/>, chat_member also <paramref name="userId"/>).</summary>
    public IReadOnlyList<FakeBotCommand>? RegisteredCommands(string scopeType = "default", string languageCode = "", long? chatId = null, long? userId = null)
    {
        lock (_gate) return _commands.GetValueOrDefault(CommandKey(ScopeKey(scopeType, chatId, userId), languageCode));
    }

    /// <summary>Every (scope, language) that has a command list, as "scope|language".</summary>
    public IReadOnlyList<string> RegisteredCommandKeys
    {
        get { lock (_gate) return [.. _commands.Keys.Order(StringComparer.Ordinal)]; }
    }

    private JsonNode SetMyCommands(BotRequest request)
    {
        if (request.GetJson("commands") is not JsonArray list) throw BotApiError.BadRequest("can't parse commands JSON object");
        if (list.Count > MaxCommands) throw BotApiError.BadRequest("BOT_COMMANDS_TOO_MUCH");
        var commands = new List<FakeBotCommand>();
        foreach (var item in list)
        {
            var command = item?["command"]?.GetValue<string>() ?? "";
            var description = item?["description"]?.GetValue<string>() ?? "";
            if (!Regex.IsMatch(command, "^[a-z0-9_]{1,32}$")) throw BotApiError.BadRequest("BOT_COMMAND_INVALID");
            if (description.Trim().Length is 0 or > 256) throw BotApiError.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            commands.Add(new FakeBotCommand(command, description));
        }
        var key = CommandKey(request);
        lock (_gate)
        {
            if (commands.Count == 0) _commands.Remove(key);
            else _commands[key] = commands;
            SignalChanged();
        }
        return true;
    }

    private JsonNode GetMyCommands(BotRequest request)
    {
        var key = CommandKey(request);
        lock (_gate)
        {
            var commands = _commands.GetValueOrDefault(key) ?? [];
            return new JsonArray([.. commands.Select(c => (JsonNode)new JsonObject { ["command"] = c.Command, ["description"] = c.Description })]);
        }
    }

    private JsonNode DeleteMyCommands(BotRequest request)
    {
        var key = CommandKey(request);
        lock (_gate)
        {
            _commands.Remove(key);
            SignalChanged();
        }
        return true;
    }

    private static string CommandKey(BotRequest request)
    {
        var language = request.GetString("language_code") ?? "";
        if (language.Length > 0 && !Regex.IsMatch(language, "^[a-z]{2}$")) throw BotApiError.BadRequest("invalid language code specified");
        var scope = request.GetJson("scope") as JsonObject;
        var type = scope?["type"]?.GetValue<string>() ?? "default";
        long? chatId = scope?["chat_id"] is { } c ? long.Parse(c.ToString(), CultureInfo.InvariantCulture) : null;
        long? userId = scope?["user_id"] is { } u ? long.Parse(u.ToString(), CultureInfo.InvariantCulture) : null;
        return CommandKey(ScopeKey(type, chatId, userId), language);
    }

    private static string ScopeKey(string type, long? chatId, long? userId)
    {
        var valid = type switch
        {
            "default" or "all_private_chats" or "all_group_chats" or "all_chat_administrators" => chatId is null && userId is null,
            "chat" or "chat_administrators" => chatId is not null && userId is null,
            "chat_member" => chatId is not null && userId is not null,
            _ => false,
        };
        if (!valid) throw BotApiError.BadRequest("invalid bot command scope specified");
        return string.Join(':', new object?[] { type, chatId, userId }.Where(p => p is not null));
    }

    private static string CommandKey(string scope, string language) => scope + "|" + language;
}
