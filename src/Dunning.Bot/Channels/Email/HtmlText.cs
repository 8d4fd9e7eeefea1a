using System.Net;
using System.Text;
using MimeKit.Text;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// The text of an HTML-only e-mail: character data with line breaks for block elements; the content of
/// <c>script</c>, <c>style</c>, <c>head</c> and <c>blockquote</c> (the quoted message) is dropped. Uses MimeKit's
/// tolerant tokenizer, so broken markup yields text, never an exception.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "blockquote", "title" };
    private static readonly HashSet<string> Breaks = new(StringComparer.OrdinalIgnoreCase) { "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "table", "hr" };

    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder();
        var skipping = 0;
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = false };
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when Skipped.Contains(tag.Name) && !tag.IsEmptyElement:
                    skipping = Math.Max(0, skipping + (tag.IsEndTag ? -1 : 1));
                    break;
                case HtmlTagToken tag when Breaks.Contains(tag.Name) && skipping == 0:
                    text.Append('\n');
                    break;
                case HtmlDataToken data when skipping == 0:
                    text.Append(WebUtility.HtmlDecode(data.Data));
                    break;
            }
        }
        return string.Join('\n', text.ToString().Split('\n').Select(l => l.Trim()));
    }
}
