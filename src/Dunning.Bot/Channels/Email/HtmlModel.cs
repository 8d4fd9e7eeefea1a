using System.Collections;
using System.Net;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// Escapes a template model for an HTML part: every string (names, addresses, invoice numbers, links, rendered
/// sentences) is HTML-encoded, line breaks become <c>&lt;br&gt;</c>; numbers, dates and money stay as they are (their
/// filters produce no markup). The HTML written in the dialog file itself is trusted; data never is.
/// </summary>
internal static class HtmlModel
{
    public static Dictionary<string, object?> Escape(IReadOnlyDictionary<string, object?> model) =>
        model.ToDictionary(p => p.Key, p => Value(p.Value), StringComparer.Ordinal);

    private static object? Value(object? value) => value switch
    {
        string s => WebUtility.HtmlEncode(s).Replace("\n", "<br>\n", StringComparison.Ordinal),
        IReadOnlyDictionary<string, object?> d => Escape(d),
        IList list and not Array => list.Cast<object?>().Select(Value).ToList(),
        _ => value,
    };
}
