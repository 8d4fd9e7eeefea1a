using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Testing;

namespace Dunning.Bot.Core.Tests.Dialogs;

internal static class Transcript
{
    /// <summary>Plays the turns and asserts every reply (<see cref="Reply.AssertMatches"/>); returns the activities of the last turn.</summary>
    public static async Task<IReadOnlyList<Activity>> PlayAsync(DialogTestClient client, params Turn[] turns)
    {
        IReadOnlyList<Activity> replies = [];
        foreach (var turn in turns)
        {
            replies = await client.SendActivityAsync(turn.Says, CancellationToken.None);
            Assert.True(turn.Replies.Length == replies.Count,
                $"'{turn.Says}': expected {turn.Replies.Length} replies, got {replies.Count}:\n" + string.Join("\n", replies.Select(r => r.Text)));
            for (var i = 0; i < replies.Count; i++)
                turn.Replies[i].AssertMatches(replies[i], replies[i].Locale is { Length: >= 2 } locale ? locale[..2] : "en", turn.Says);
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
