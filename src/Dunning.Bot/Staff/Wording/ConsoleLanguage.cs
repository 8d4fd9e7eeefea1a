using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Staff.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dunning.Bot.Staff.Wording;

/// <summary>
/// Which language the console speaks to this request: the signed-in account's own choice (the switch in the header),
/// else the browser's <c>Accept-Language</c> (first supported language by quality), else <c>Staff:DefaultLanguage</c>.
/// Supported are the languages <c>dialogs/console.*.yaml</c> is written in.
/// </summary>
public sealed class ConsoleLanguage(MessageCatalogue catalogue, IOptions<StaffOptions> staff, IOptions<EscalationOptions> escalation)
{
    private readonly TimeZoneInfo ownerZone = TimeZoneInfo.FindSystemTimeZoneById(escalation.Value.TimeZone);

    /// <summary>The languages a staff member may choose.</summary>
    public IReadOnlyList<string> Languages => [.. catalogue.Languages.Where(l => catalogue.HasMessage(ConsoleWords.Dialog, "language_name", l))];

    /// <summary>The words for <paramref name="http"/>'s staff member.</summary>
    public ConsoleWords For(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new ConsoleWords(catalogue, Choose(http), ownerZone);
    }

    /// <summary>The words in <paramref name="language"/> (a supported one, else the default).</summary>
    public ConsoleWords In(string? language) => new(catalogue, Supported(language) ?? Default, ownerZone);

    /// <summary>A supported language equal to <paramref name="language"/>'s primary subtag (<c>de-AT</c> → <c>de</c>), else null.</summary>
    public string? Supported(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
            return null;
        var cut = language.IndexOfAny(['-', '_']);
        var primary = (cut > 0 ? language[..cut] : language).Trim().ToLowerInvariant();
        return Languages.Contains(primary) ? primary : null;
    }

    private string Default => Supported(staff.Value.DefaultLanguage) ?? Languages.FirstOrDefault() ?? "en";

    private string Choose(HttpContext http)
    {
        if (http.Items[typeof(StaffAccount)] is StaffAccount { Language: { } chosen } && Supported(chosen) is { } own)
            return own;
        var header = http.Request.Headers.AcceptLanguage.ToString();
        if (header.Length > 0 && header.Length <= 1000 && StringWithQualityHeaderValue.TryParseList(header.Split(','), out var ranges))
        {
            foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
            {
                if (Supported(range.Value.Value) is { } browser)
                    return browser;
            }
        }
        return Default;
    }
}
