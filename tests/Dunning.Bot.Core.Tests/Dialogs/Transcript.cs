using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Testing;

namespace Dunning.Bot.Core.Tests.Dialogs;

internal static class Transcript
{
    /// <summary>Plays the turns on a dialog test client (a reply's language is its locale's); returns the replies of every turn.</summary>
    public static Task<IReadOnlyList<IReadOnlyList<Activity>>> PlayAsync(DialogTestClient client, params Turn[] turns) =>
        PlayAsync(turn => client.SendActivityAsync(turn.Says, CancellationToken.None),
            reply => reply.Locale is { Length: >= 2 } locale ? locale[..2] : "en", turns);

    /// <summary>The one player: sends each turn, asserts its replies (<see cref="Turn.AssertAnswered"/>); returns the replies of every turn.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<Activity>>> PlayAsync(
        Func<Turn, Task<IReadOnlyList<Activity>>> send, Func<Activity, string> language, IEnumerable<Turn> turns)
    {
        var played = new List<IReadOnlyList<Activity>>();
        foreach (var turn in turns)
        {
            var replies = await send(turn);
            turn.AssertAnswered(replies, language);
            played.Add(replies);
        }
        return played;
    }
}
