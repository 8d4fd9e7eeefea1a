using System.Net;
using Dunning.Bot.Hosting;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>The chat header's HTML parts (every value HTML-encoded).</summary>
internal static class ChatHeader
{
    /// <summary>The logo image, or the creditor's initials in a circle (nothing without a name).</summary>
    public static string Logo(CreditorProfile creditor) =>
        creditor.Logo is not null ? """<img class="logo" src="/chat/logo" alt="">"""
        : creditor.Initials.Length > 0 ? $"""<span class="logo initials" aria-hidden="true">{WebUtility.HtmlEncode(creditor.Initials)}</span>"""
        : "";

    /// <summary>
    /// Links to call, write or visit the creditor, each with the full value and a short word the page fills in its language
    /// (<c>data-label</c>): a phone shows "Anrufen · E-Mail schreiben · Website" instead of three long lines.
    /// </summary>
    public static string Contact(CreditorProfile creditor)
    {
        var links = new List<string>();
        var dial = new string([.. creditor.Phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);
        if (dial.Length > 0)
            links.Add(Link("tel:" + dial, creditor.Phone, "phone"));
        if (creditor.Email.Contains('@', StringComparison.Ordinal))
            links.Add(Link("mailto:" + creditor.Email, creditor.Email, "email"));
        if (creditor.Website.Length > 0)
            links.Add(Link(creditor.Website, new Uri(creditor.Website).Host, "website"));
        return links.Count == 0 ? "" : $"""<p class="contact" id="contact">{string.Join(" ", links)}</p>""";
    }

    private static string Link(string href, string text, string label) =>
        $"""<a href="{WebUtility.HtmlEncode(href)}" data-label="{label}" rel="noopener noreferrer"{(label == "website" ? " target=\"_blank\"" : "")}><span class="full">{WebUtility.HtmlEncode(text)}</span><span class="short" aria-hidden="true"></span></a>""";
}
