namespace Dunning.Bot.Channels.Telegram;

/// <summary>Splits plain text into Telegram messages.</summary>
/// <remarks>
/// Messages go out as plain text (no parse_mode): the wording in dialogs/*.yaml is plain text, so nothing needs
/// escaping and nothing a debtor's name or an invoice line contains can break the markup. Splitting plain text
/// cannot break an entity; it breaks at a paragraph, else a line, else a space, and never inside a surrogate pair.
/// </remarks>
internal static class TelegramText
{
    /// <summary>Telegram's limit for one message, in UTF-16 code units.</summary>
    public const int MaxMessageLength = 4096;

    public static IReadOnlyList<string> Split(string? text, int max = MaxMessageLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > max)
        {
            var cut = BreakAt(rest[..(max + 1)], max);
            var part = rest[..cut].TrimEnd();
            if (!part.IsEmpty)
                parts.Add(part.ToString());
            rest = rest[cut..].TrimStart();
        }
        if (!rest.IsEmpty)
            parts.Add(rest.ToString());
        return parts;
    }

    /// <summary>The length of the next part: the best break in <paramref name="window"/> (max + 1 characters, so a
    /// break right after the limit counts), preferring a late one.</summary>
    private static int BreakAt(ReadOnlySpan<char> window, int max)
    {
        var floor = max / 2; // a break earlier than this wastes too much of the message
        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph >= floor)
            return paragraph;
        var line = window.LastIndexOf('\n');
        if (line >= floor)
            return line;
        for (var i = window.Length - 1; i >= floor; i--)
        {
            if (char.IsWhiteSpace(window[i]))
                return i;
        }
        // One long word (a URL, an IBAN run together): cut it, but not between the halves of a surrogate pair.
        return char.IsHighSurrogate(window[max - 1]) ? max - 1 : max;
    }
}
