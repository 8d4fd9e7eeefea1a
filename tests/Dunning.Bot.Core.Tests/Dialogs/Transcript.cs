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

    /// <summary>
    /// A transcript table: lines starting with "> " are what the user says; the lines after it are fragments that the
    /// bot's replies of that turn must contain (a fragment starting with "!" must not appear, in text or buttons). "[Label]" checks a button.
    /// </summary>
    public static async Task<List<IReadOnlyList<Activity>>> PlayAsync(DialogTestClient client, IReadOnlyList<string> lines)
    {
        var turns = new List<IReadOnlyList<Activity>>();
        IReadOnlyList<Activity> replies = [];
        foreach (var line in lines)
        {
            if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                replies = await client.SendActivityAsync(line[2..], CancellationToken.None);
                turns.Add(replies);
                continue;
            }
            var texts = string.Join("\n", replies.Select(r => r.Text));
            var buttons = replies.SelectMany(r => r.SuggestedActions?.Actions ?? []).Select(a => a.Title).ToList();
            if (line.StartsWith('[') && line.EndsWith(']'))
                Assert.True(buttons.Contains(line[1..^1]), $"No button '{line[1..^1]}' among [{string.Join(" | ", buttons)}]; replies: {texts}");
            else if (line.StartsWith('!'))
            {
                Assert.False(texts.Contains(line[1..], StringComparison.Ordinal), $"Reply should not contain '{line[1..]}': {texts}");
                Assert.DoesNotContain(buttons, b => b?.Contains(line[1..], StringComparison.Ordinal) == true);
            }
            else
                Assert.True(texts.Contains(line, StringComparison.Ordinal), $"Expected '{line}' in the replies:\n{texts}");
        }
        return turns;
    }
}
