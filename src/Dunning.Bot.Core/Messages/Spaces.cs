namespace Dunning.Bot.Core.Messages;

/// <summary>
/// ICU puts no-break spaces into formatted numbers ("1.234,56\u00A0€"). Replies use plain spaces so that
/// transcripts, tests and owners' copy-and-paste see exactly what they typed.
/// </summary>
internal static class Spaces
{
    public static string Plain(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
