using MimeKit;

namespace Dunning.Bot.Channels.Email;

/// <summary>What counts as an address the channel may write to, and how addresses compare.</summary>
public static class EmailAddresses
{
    /// <summary>One syntactically valid mailbox with a local part and a dotted domain, no display name tricks.</summary>
    public static bool IsDeliverable(string? address) =>
        !string.IsNullOrWhiteSpace(address) && address.Length <= 254
        && MailboxAddress.TryParse(address, out var box) && box.Address == address.Trim()
        && box.Address.LastIndexOf('@') is var at and > 0 && box.Address.IndexOf('.', at) > at + 1 && !box.Address.EndsWith('.');

    /// <summary>The address in lower case without a plus tag (<c>Rechnung+x@Firma.de</c> → <c>rechnung@firma.de</c>).</summary>
    public static string Normalize(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        if (at < 0)
            return address.Trim().ToLowerInvariant();
        var local = address[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return ((plus >= 0 ? local[..plus] : local) + address[at..]).Trim().ToLowerInvariant();
    }

    /// <summary>The tag of a plus-address whose base is <paramref name="mailbox"/> (<c>rechnung+TAG@firma.de</c>), or null.</summary>
    public static string? PlusTag(string address, string mailbox)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(mailbox);
        var at = address.LastIndexOf('@');
        var plus = address.IndexOf('+', StringComparison.Ordinal);
        if (at < 0 || plus < 0 || plus > at || !string.Equals(Normalize(address), Normalize(mailbox), StringComparison.Ordinal))
            return null;
        return address[(plus + 1)..at];
    }
}
