using System.Text;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// Telegram's MarkdownV2 parse mode: every one of _ * [ ] ( ) ~ ` &gt; # + - = | { } . ! outside an entity
/// must be escaped with '\'; entities must be closed. Returns the visible text.
/// </summary>
internal static class MarkdownV2EntityParser
{
    private const string Reserved = "_*[]()~`>#+-=|{}.!";

    public static string Parse(string text)
    {
        var visible = new StringBuilder(text.Length);
        var open = new Stack<(string Marker, int Index)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length) throw HtmlEntityParser.CantParse($"Character '\\' is reserved and must be escaped with the preceding '\\'");
                visible.Append(text[i + 1]);
                i += 2;
            }
            else if (c == '`')
            {
                i = ReadCode(text, i, visible);
            }
            else if (c == '[')
            {
                open.Push(("[", i));
                i++;
            }
            else if (c == ']' && open.Count > 0 && open.Peek().Marker == "[")
            {
                open.Pop();
                i = ReadLinkUrl(text, i + 1);
            }
            else if (c == '>' && (i == 0 || text[i - 1] == '\n'))
            {
                i++; // block quotation marker at the start of a line
            }
            else if (TryMarker(text, i, out var marker))
            {
                if (open.Count > 0 && open.Peek().Marker == marker) open.Pop();
                else open.Push((marker, i));
                i += marker.Length;
            }
            else if (Reserved.Contains(c, StringComparison.Ordinal))
            {
                throw HtmlEntityParser.CantParse($"Character '{c}' is reserved and must be escaped with the preceding '\\'");
            }
            else
            {
                visible.Append(c);
                i++;
            }
        }
        if (open.Count > 0)
        {
            var (marker, index) = open.Peek();
            throw HtmlEntityParser.CantParse($"Can't find end of {EntityName(marker)} entity at byte offset {HtmlEntityParser.ByteOffset(text, index)}");
        }
        return visible.ToString();
    }

    private static bool TryMarker(string text, int i, out string marker)
    {
        marker = text[i] switch
        {
            '*' => "*",
            '~' => "~",
            '_' when i + 1 < text.Length && text[i + 1] == '_' => "__",
            '_' => "_",
            '|' when i + 1 < text.Length && text[i + 1] == '|' => "||",
            _ => "",
        };
        return marker.Length > 0;
    }

    private static int ReadCode(string text, int start, StringBuilder visible)
    {
        var fence = text.AsSpan(start).StartsWith("```") ? "```" : "`";
        var i = start + fence.Length;
        if (fence == "```")
        {
            var newline = text.IndexOf('\n', i);
            if (newline >= 0 && !text.AsSpan(i, newline - i).Contains(' ')) i = newline + 1; // language line
        }
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                visible.Append(text[i + 1]);
                i += 2;
            }
            else if (text.AsSpan(i).StartsWith(fence))
            {
                return i + fence.Length;
            }
            else
            {
                visible.Append(text[i]);
                i++;
            }
        }
        throw HtmlEntityParser.CantParse($"Can't find end of {(fence == "`" ? "Code" : "Pre")} entity at byte offset {HtmlEntityParser.ByteOffset(text, start)}");
    }

    private static int ReadLinkUrl(string text, int i)
    {
        if (i >= text.Length || text[i] != '(') return i; // [text] without URL is plain text
        for (var j = i + 1; j < text.Length; j++)
        {
            if (text[j] == '\\') j++;
            else if (text[j] == ')') return j + 1;
        }
        throw HtmlEntityParser.CantParse($"Can't find end of a URL at byte offset {HtmlEntityParser.ByteOffset(text, i)}");
    }

    private static string EntityName(string marker) => marker switch
    {
        "*" => "Bold",
        "_" => "Italic",
        "__" => "Underline",
        "~" => "Strikethrough",
        "||" => "Spoiler",
        _ => "TextUrl",
    };
}
