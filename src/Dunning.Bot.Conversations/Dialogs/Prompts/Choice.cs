namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>One option of a choice prompt: its value (also the shown title), synonyms, and an optional custom button.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value, params string[] synonyms)
    {
        Value = value;
        Synonyms = synonyms.Length > 0 ? [.. synonyms] : null;
    }

    public string Value { get; set; } = string.Empty;

    /// <summary>Other words that pick this choice (matched like the value: case and accent insensitive).</summary>
    public List<string>? Synonyms { get; set; }

    /// <summary>The button to show instead of the default <c>imBack</c> with the value.</summary>
    public CardAction? Action { get; set; }
}
