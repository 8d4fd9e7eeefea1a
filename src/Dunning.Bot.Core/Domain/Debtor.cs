namespace Dunning.Bot.Core.Domain;

/// <summary>
/// A person or business that owes the owner money. Identified by <see cref="Id"/> (the owner's
/// customer number or a generated one). The <see cref="AccessCode"/> printed on reminders and the
/// <see cref="LinkToken"/> in chat links are the only ways to bind a conversation to this debtor.
/// </summary>
public sealed class Debtor
{
    public static readonly IReadOnlyList<string> Languages = ["de", "en"];

    private string language = "de";
    private string timeZone = "Europe/Berlin";
    private string country = "DE";

    public required string Id { get; init; }

    public required string Name { get; set; }

    public DebtorKind Kind { get; set; } = DebtorKind.Consumer;

    /// <summary>Preferred language, <c>de</c> or <c>en</c>.</summary>
    public string Language
    {
        get => language;
        set => language = Languages.Contains(value) ? value : throw new DomainException($"Unsupported language '{value}': use de or en.");
    }

    /// <summary>IANA time zone id, e.g. <c>Europe/Berlin</c>; quiet hours are computed in it.</summary>
    public string TimeZone
    {
        get => timeZone;
        set => timeZone = TimeZoneInfo.TryFindSystemTimeZoneById(value, out _) ? value : throw new DomainException($"Unknown time zone '{value}': use an IANA id such as Europe/Berlin.");
    }

    /// <summary>ISO 3166-1 alpha-2 country for public holidays, e.g. <c>DE</c>.</summary>
    public string Country
    {
        get => country;
        set => country = value is { Length: 2 } && value.All(char.IsAsciiLetter) ? value.ToUpperInvariant() : throw new DomainException($"Invalid country '{value}': use a two-letter ISO code such as DE.");
    }

    /// <summary>State or region for regional holidays, e.g. <c>BY</c> (Bavaria); optional.</summary>
    public string? State { get; set; }

    public string? Email { get; set; }

    /// <summary>The person to address at a business (e.g. <c>Frau Dr. Weber</c>'s name <c>Weber</c>); optional.</summary>
    public string? ContactPerson { get; set; }

    /// <summary>How to address <see cref="ContactPerson"/> (or a consumer): <c>Frau</c>, <c>Herr</c>, <c>Ms</c>, <c>Mr</c>, …; optional.</summary>
    public string? Salutation { get; set; }

    /// <summary>Postal address: street and house number (optional; printed on letters and in the case file).</summary>
    public string? Street { get; set; }

    /// <summary>Postal address: postal code, e.g. <c>80331</c>; optional.</summary>
    public string? PostalCode { get; set; }

    /// <summary>Postal address: city; optional.</summary>
    public string? City { get; set; }

    /// <summary>The postal address lines that are set (street, then postal code and city), without the name.</summary>
    public IReadOnlyList<string> PostalLines() =>
        [.. new[] { Street, $"{PostalCode} {City}".Trim() }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim())];

    /// <summary>The channel the owner wants reminders on first (a <see cref="ChannelKind"/> id); null = the most recently active chat.</summary>
    public string? PreferredChannel { get; set; }

    /// <summary>Every reminder that goes to a chat also goes out by e-mail (as a copy).</summary>
    public bool AlsoByEmail { get; set; }

    public List<ContactAddress> Contacts { get; init; } = [];

    /// <summary>Short code printed on reminders; proves identity when typed into a chat.</summary>
    public required string AccessCode { get; set; }

    /// <summary>Unguessable token used in chat links and Telegram deep links (1–64 of A-Z a-z 0-9 _ -).</summary>
    public required string LinkToken { get; set; }

    /// <summary>Optimistic concurrency: incremented by the store on every write.</summary>
    public int Version { get; set; }

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>
    /// Updates the owner-managed fields; a null argument keeps the current value. Each setter checks its value
    /// (language, IANA time zone, country), so invalid data throws <see cref="DomainException"/>.
    /// </summary>
    public void Update(string name, DebtorKind? kind, string? language, string? timeZone, string? country, string? state, string? email)
    {
        Name = name;
        Kind = kind ?? Kind;
        Language = language ?? Language;
        TimeZone = timeZone ?? TimeZone;
        Country = country ?? Country;
        State = state ?? State;
        Email = email ?? Email;
    }

    public ContactAddress? Contact(string channel) => Contacts.FirstOrDefault(c => c.Channel == channel);

    /// <summary>Adds or refreshes the address for a channel (a channel has at most one address).</summary>
    public ContactAddress Reach(string channel, string address)
    {
        if (!ChannelKind.IsKnown(channel))
            throw new DomainException($"Unknown channel '{channel}'.");
        var existing = Contact(channel);
        if (existing is not null && existing.Address == address)
        {
            existing.DeadSince = null;
            existing.DeadReason = null;
            return existing;
        }
        if (existing is not null)
            Contacts.Remove(existing);
        var contact = new ContactAddress { Channel = channel, Address = address, OptedOutAt = existing?.OptedOutAt };
        Contacts.Add(contact);
        return contact;
    }
}
