using System.Text.Json.Nodes;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>A Telegram user who writes to the bot. Their private chat has the same id.</summary>
public sealed record FakeUser(long Id, string FirstName, string? LastName = null, string? Username = null, string? LanguageCode = null)
{
    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["is_bot"] = false, ["first_name"] = FirstName };
        if (LastName is not null) json["last_name"] = LastName;
        if (Username is not null) json["username"] = Username;
        if (LanguageCode is not null) json["language_code"] = LanguageCode;
        return json;
    }
}
