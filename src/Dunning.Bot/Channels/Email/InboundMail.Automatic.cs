using System.Text.RegularExpressions;
using MimeKit;

namespace Dunning.Bot.Channels.Email;

public sealed partial class InboundMail
{
    /// <summary>
    /// True for mail a machine wrote (RFC 3834 <c>Auto-Submitted</c> other than <c>no</c>; <c>Precedence</c> bulk, junk,
    /// list or auto_reply; <c>X-Autoreply</c>/<c>X-Autorespond</c>; an empty <c>Return-Path</c>; a mailing list; an
    /// out-of-office subject). Such mail is never answered, so two robots cannot talk to each other.
    /// </summary>
    internal static bool IsAutomatic(MimeMessage message)
    {
        var headers = message.Headers;
        if (headers["Auto-Submitted"] is { } submitted && !submitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
            return true;
        if (headers["Precedence"] is { } precedence && precedence.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply")
            return true;
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("List-Id") || headers.Contains("X-Auto-Response"))
            return true;
        if (headers["Return-Path"] is { } returnPath && returnPath.Trim() is "<>" or "")
            return true;
        return AutoSubject().IsMatch(message.Subject ?? "");
    }

    [GeneratedRegex(@"^\s*(Out of (the )?Office|Automatic reply|Auto(matische)?[ -]?(Antwort|reply|response)|Abwesenheit|Abwesenheitsnotiz|Autoreply|Auto:|Vacation|Urlaub)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AutoSubject();
}
