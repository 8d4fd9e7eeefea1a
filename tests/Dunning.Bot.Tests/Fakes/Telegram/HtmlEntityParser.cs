using System.Globalization;
using System.Text;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// Telegram's "HTML style" parse mode: only the documented tags, balanced and properly nested;
/// &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric entities are decoded. Returns the visible text.
/// </summary>
internal static class HtmlEntityParser
{
    private static readonly HashSet<string> SupportedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "a", "code", "pre", "blockquote", "tg-emoji",
    };

    public static string Parse(string text)
    {
        var visible = new StringBuilder(text.Length);
        var open = new Stack<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<')
            {
                i = ReadTag(text, i, open);
            }
            else if (c == '&')
            {
                i = ReadEntity(text, i, visible);
            }
            else
            {
                visible.Append(c);
                i++;
            }
        }
        if (open.Count > 0) throw CantParse($"Can't find end tag corresponding to start tag \"{open.Peek()}\"");
        return visible.ToString();
    }

    private static int ReadTag(string text, int start, Stack<string> open)
    {
        var end = text.IndexOf('>', start);
        if (end < 0) throw CantParse($"Unclosed start tag at byte offset {ByteOffset(text, start)}");
        var body = text[(start + 1)..end];
        if (body.StartsWith('/'))
        {
            var name = body[1..].Trim();
            if (open.Count == 0) throw CantParse($"Unexpected end tag at byte offset {ByteOffset(text, start)}");
            if (!string.Equals(open.Peek(), name, StringComparison.OrdinalIgnoreCase))
            {
                throw CantParse($"Unmatched end tag at byte offset {ByteOffset(text, start)}, expected \"</{open.Peek()}>\", found \"</{name}>\"");
            }
            open.Pop();
            return end + 1;
        }
        var tagName = body.Split([' ', '\t', '\n'], 2)[0];
        if (!SupportedTags.Contains(tagName))
        {
            throw CantParse($"Unsupported start tag \"{tagName}\" at byte offset {ByteOffset(text, start)}");
        }
        open.Push(tagName.ToLowerInvariant());
        return end + 1;
    }

    private static int ReadEntity(string text, int start, StringBuilder visible)
    {
        var semicolon = text.IndexOf(';', start);
        if (semicolon > start + 1 && semicolon - start <= 10)
        {
            var name = text[(start + 1)..semicolon];
            string? decoded = name switch
            {
                "lt" => "<",
                "gt" => ">",
                "amp" => "&",
                "quot" => "\"",
                _ when name.StartsWith("#x", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(name.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) => char.ConvertFromUtf32(hex),
                _ when name.StartsWith('#')
                    && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var dec) => char.ConvertFromUtf32(dec),
                _ => null,
            };
            if (decoded is not null)
            {
                visible.Append(decoded);
                return semicolon + 1;
            }
        }
        // Telegram keeps an unrecognised '&' as a literal character.
        visible.Append('&');
        return start + 1;
    }

    internal static int ByteOffset(string text, int index) => Encoding.UTF8.GetByteCount(text.AsSpan(0, index));

    internal static BotApiError CantParse(string detail) => BotApiError.BadRequest("can't parse entities: " + detail);
}
