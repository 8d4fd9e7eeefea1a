namespace Dunning.Bot.Channels.Email;

/// <summary>
/// Who the claim belongs to, as a careful German business prints it on every reminder (section <see cref="SectionName"/>):
/// name, postal address, contact, and the legal lines of the letterhead (<see cref="Imprint"/>). Every field is optional; what is empty is left out of the message.
/// </summary>
public sealed class CreditorOptions
{
    public const string SectionName = "Creditor";

    /// <summary>The business name, e.g. <c>Müller Haustechnik GmbH</c>.</summary>
    public string Name { get; set; } = "";

    public string Street { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string City { get; set; } = "";

    /// <summary>The country as written in the address (empty for domestic mail).</summary>
    public string Country { get; set; } = "";

    public string Phone { get; set; } = "";

    /// <summary>The e-mail address people may write to (shown in the footer); empty = the channel's From address.</summary>
    public string Email { get; set; } = "";

    public string Website { get; set; } = "";

    /// <summary>The person who signs, e.g. <c>Anna Müller, Buchhaltung</c>.</summary>
    public string Signatory { get; set; } = "";

    /// <summary>
    /// The legal lines of the letterhead, one per entry, exactly as printed, e.g. <c>Geschäftsführerin: Anna Müller</c>,
    /// <c>Amtsgericht München HRB 12345</c>, <c>USt-IdNr. DE123456789</c>.
    /// </summary>
    public List<string> Imprint { get; set; } = [];

    /// <summary>The address lines that are set, in letter order.</summary>
    public IReadOnlyList<string> AddressLines() =>
        [.. new[] { Name, Street, $"{PostalCode} {City}".Trim(), Country }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim())];
}
