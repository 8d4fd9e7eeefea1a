using System.Text.Json;

namespace Dunning.Bot.Conversations;

/// <summary>
/// The synchronous answer to an <c>invoke</c> activity. <see cref="ActivityHandler"/> stores it in
/// <see cref="ITurnContext.TurnState"/> under <see cref="TurnStateKey"/>; the channel adapter returns it
/// as the HTTP response (status and JSON body).
/// </summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null)
{
    public const string TurnStateKey = "Dunning.Bot.Conversations.InvokeResponse";
}
