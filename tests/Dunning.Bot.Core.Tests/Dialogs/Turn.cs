using Dunning.Bot.Conversations;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>
/// One row of a transcript: what the user says (or "join:&lt;token&gt;" for the web chat opening) and what the bot must
/// answer: either exactly the given <see cref="Replies"/> (count and each reply), or, with <see cref="Contains"/>,
/// fragments that the turn's replies must contain ("!x": must not appear, in text or buttons; "[Label]": a button).
/// </summary>
public sealed record Turn(string Says, params Reply[] Replies)
{
    public const string JoinPrefix = "join:";

    /// <summary>The locale the client sends with this turn (a join event defaults to de-DE, a message to the adapter's en-US).</summary>
    public string? Locale { get; init; }

    /// <summary>Fragments the replies must (or, "!x", must not) contain; "[Label]" is a button. Null: the replies are checked exactly.</summary>
    public IReadOnlyList<string>? Fragments { get; init; }

    /// <summary>This turn checked by fragments instead of exact replies (none given: the turn is only played).</summary>
    public Turn Contains(params string[] fragments) => this with { Fragments = [.. Fragments ?? [], .. fragments] };

    /// <summary>
    /// Reads a table of lines: a line starting with "> " is what the user says, the lines after it are its fragments
    /// (<see cref="Contains"/>). For data-driven theories whose rows are string arrays.
    /// </summary>
    public static Turn[] Table(IEnumerable<string> lines)
    {
        var turns = new List<Turn>();
        foreach (var line in lines)
        {
            if (line.StartsWith("> ", StringComparison.Ordinal))
                turns.Add(new Turn(line[2..]).Contains());
            else if (turns.Count == 0)
                throw new ArgumentException($"Fragment '{line}' before the first \"> \" line.", nameof(lines));
            else
                turns[^1] = turns[^1].Contains(line);
        }
        return [.. turns];
    }

    /// <summary>Asserts the replies to this turn; <paramref name="language"/> gives a reply's language for message keys.</summary>
    public void AssertAnswered(IReadOnlyList<Activity> replies, Func<Activity, string> language)
    {
        if (Fragments is null)
        {
            Assert.True(Replies.Length == replies.Count,
                $"'{Says}': expected {Replies.Length} replies, got {replies.Count}:\n" + string.Join("\n", replies.Select(r => r.Text)));
            for (var i = 0; i < replies.Count; i++)
                Replies[i].AssertMatches(replies[i], language(replies[i]), Says);
            return;
        }
        var texts = string.Join("\n", replies.Select(r => r.Text));
        var buttons = replies.SelectMany(r => r.SuggestedActions?.Actions ?? []).Select(a => a.Title).ToList();
        foreach (var fragment in Fragments)
        {
            if (fragment.StartsWith('[') && fragment.EndsWith(']'))
                Assert.True(buttons.Contains(fragment[1..^1]), $"'{Says}': no button '{fragment[1..^1]}' among [{string.Join(" | ", buttons)}]; replies: {texts}");
            else if (fragment.StartsWith('!'))
            {
                Assert.False(texts.Contains(fragment[1..], StringComparison.Ordinal), $"'{Says}': reply should not contain '{fragment[1..]}': {texts}");
                Assert.DoesNotContain(buttons, b => b?.Contains(fragment[1..], StringComparison.Ordinal) == true);
            }
            else
                Assert.True(texts.Contains(fragment, StringComparison.Ordinal), $"'{Says}': expected '{fragment}' in the replies:\n{texts}");
        }
    }

    public override string ToString() => Says;
}
