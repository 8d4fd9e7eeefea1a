using System.Text.RegularExpressions;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// What the debtor actually wrote in a reply: the text above the quoted message and the signature. Cuts at the first
/// quote header (<c>Am … schrieb …:</c>, <c>On … wrote:</c>, <c>-----Original Message-----</c>, an Outlook
/// <c>Von:</c>/<c>From:</c> block), at quoted lines (<c>&gt;</c>), at the signature separator (<c>-- </c>), at a closing
/// formula on its own line (<c>Mit freundlichen Grüßen</c>, <c>Kind regards</c>) and at mobile footers; collapses blank lines; and caps the length.
/// </summary>
public static partial class ReplyText
{
    public static string Strip(string? text, int maxChars)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith('>') || line == "--"
                || QuoteHeader().IsMatch(line) || MobileFooter().IsMatch(line)
                || (kept.Any(k => k.Length > 0) && Closing().IsMatch(line)))
                break;
            kept.Add(line);
        }
        var joined = MultipleBlankLines().Replace(string.Join('\n', kept), "\n\n").Trim();
        return joined.Length > maxChars ? joined[..maxChars] : joined;
    }

    [GeneratedRegex(@"^\s*(Am\s.+\sschrieb\s.*:?|On\s.+\swrote:?|-{2,}\s*(Original Message|Ursprüngliche Nachricht|Forwarded message|Weitergeleitete Nachricht)\s*-{2,}|(Von|From):\s.+|_{10,})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuoteHeader();

    [GeneratedRegex(@"^\s*(Gesendet von meinem|Von meinem .+ gesendet|Sent from my|Get Outlook for)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MobileFooter();

    /// <summary>A closing formula on a line of its own: what follows is the sender's name and signature.</summary>
    [GeneratedRegex(@"^\s*(Mit freundlichen Grüßen|Freundliche Grüße|Mit besten Grüßen|Beste Grüße|Viele Grüße|Liebe Grüße|Schöne Grüße|Herzliche Grüße|Gruß|Grüße|MfG|LG|VG|Kind regards|Best regards|Warm regards|Regards|Best wishes|Many thanks|Cheers)\s*[,.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Closing();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex MultipleBlankLines();
}
