using Dunning.Bot.Channels.Email;
using Dunning.Bot.Core.Payments;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Hosting;

/// <summary>
/// Who the debtor is talking to, as the chat shows it: the name (<c>Bot:DisplayName</c>, else <c>Creditor:Name</c>, else
/// the payee's account holder), phone, e-mail and website from <c>Creditor</c>, and the logo file of <c>Bot:LogoPath</c>
/// (read once; a missing, too large or unknown file is ignored with a warning, and the header shows initials instead).
/// </summary>
public sealed class CreditorProfile
{
    private static readonly Dictionary<string, string> LogoTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".svg"] = "image/svg+xml",
    };

    public CreditorProfile(IOptions<BotOptions> bot, IOptions<CreditorOptions> creditor, IOptions<PayeeOptions> payee, ILogger<CreditorProfile> logger)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(creditor);
        ArgumentNullException.ThrowIfNull(payee);
        var c = creditor.Value;
        Name = new[] { bot.Value.DisplayName, c.Name, payee.Value.AccountHolder }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim() ?? "";
        Phone = c.Phone.Trim();
        Email = c.Email.Trim();
        Website = Uri.TryCreate(c.Website.Trim(), UriKind.Absolute, out var site) && site.Scheme is "https" or "http" ? site.ToString() : "";
        Logo = ReadLogo(bot.Value, logger);
    }

    /// <summary>The creditor's name; empty when nothing is configured.</summary>
    public string Name { get; }

    public string Phone { get; }

    public string Email { get; }

    /// <summary>An http(s) address, or empty.</summary>
    public string Website { get; }

    /// <summary>The logo file's bytes and content type; null without a usable <c>Bot:LogoPath</c>.</summary>
    public (byte[] Bytes, string ContentType)? Logo { get; }

    /// <summary>Up to two initials of <see cref="Name"/> ("Demo Studio GmbH" → "DS"), for a header without a logo.</summary>
    public string Initials =>
        string.Concat(Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).Take(2).Select(w => char.ToUpperInvariant(w[0])));

    private static (byte[], string)? ReadLogo(BotOptions options, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(options.LogoPath))
            return null;
        var path = Path.GetFullPath(options.LogoPath);
        if (!LogoTypes.TryGetValue(Path.GetExtension(path), out var type))
        {
            logger.LogWarning("Bot:LogoPath {Path} is not a PNG, JPEG, WebP or SVG file; the chat shows initials instead.", path);
            return null;
        }
        var file = new FileInfo(path);
        if (!file.Exists || file.Length > options.LogoMaxBytes || file.Length == 0)
        {
            logger.LogWarning("Bot:LogoPath {Path} is missing, empty or larger than Bot:LogoMaxBytes ({Max} bytes); the chat shows initials instead.", path, options.LogoMaxBytes);
            return null;
        }
        return (File.ReadAllBytes(path), type);
    }
}
