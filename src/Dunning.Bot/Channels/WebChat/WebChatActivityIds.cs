using System.Globalization;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// A web chat activity's id, the same with every storage: <c>{conversationId}|{sequence}</c> with the sequence zero-padded
/// to ten digits (so ids of one conversation sort as their sequences do). The watermark a client polls from is the sequence.
/// </summary>
internal static class WebChatActivityIds
{
    private const string SequenceFormat = "D10";

    public static string Of(string conversationId, long sequence) =>
        string.Concat(conversationId, "|", sequence.ToString(SequenceFormat, CultureInfo.InvariantCulture));

    /// <summary>The sequence of an id made by <see cref="Of"/>.</summary>
    public static long SequenceOf(string id) =>
        long.Parse(id.AsSpan(id.LastIndexOf('|') + 1), NumberStyles.None, CultureInfo.InvariantCulture);
}
