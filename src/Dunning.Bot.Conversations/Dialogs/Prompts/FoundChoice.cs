namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>The choice the user picked: its value, position in the list, how sure the match is (0–1), and the synonym that matched.</summary>
public sealed record FoundChoice(string Value, int Index, double Score, string? Synonym = null);
