using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Testing;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>One row of a transcript: what the user says, and every reply the bot sends in that turn (text and buttons).</summary>
public sealed record Turn(string Says, params Reply[] Replies);

/// <summary>A bot reply: its exact text and the titles of its buttons (suggested actions), in order.</summary>
public sealed record Reply(string Text, params string[] Buttons);

internal static class Transcript
{
    /// <summary>Plays the turns and asserts every reply exactly; returns the activities of the last turn.</summary>
    public static async Task<IReadOnlyList<Activity>> PlayAsync(DialogTestClient client, params Turn[] turns)
    {
        IReadOnlyList<Activity> replies = [];
        foreach (var turn in turns)
        {
            replies = await client.SendActivityAsync(turn.Says, CancellationToken.None);
            Assert.Equal(turn.Replies.Select(r => r.Text), replies.Select(r => r.Text ?? string.Empty));
            Assert.Equal(
                turn.Replies.Select(r => string.Join(" | ", r.Buttons)),
                replies.Select(r => string.Join(" | ", r.SuggestedActions?.Actions.Select(a => a.Title) ?? [])));
        }
        return replies;
    }
}
