using System.Text.Json.Nodes;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>A chat the fake knows: "private" (id = the user's id), "group" or "supergroup" (negative ids).</summary>
public sealed record FakeChat(long Id, string Type, string? Title = null, string? FirstName = null, string? LastName = null, string? Username = null)
{
    public bool IsPrivate => Type == "private";

    public static FakeChat PrivateWith(FakeUser user) => new(user.Id, "private", null, user.FirstName, user.LastName, user.Username);

    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["type"] = Type };
        if (Title is not null) json["title"] = Title;
        if (FirstName is not null) json["first_name"] = FirstName;
        if (LastName is not null) json["last_name"] = LastName;
        if (Username is not null) json["username"] = Username;
        return json;
    }
}
