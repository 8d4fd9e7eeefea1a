using System.Collections.Frozen;

namespace Dunning.Bot.Intake;

/// <summary>
/// The documented columns (see docs/importing.md) and the German and English header spellings accepted for each. Headers
/// are compared after trimming, lower-casing and turning spaces, dashes and dots into underscores.
/// </summary>
internal static class CsvColumns
{
    public const string InvoiceNumber = "invoice_number";
    public const string DebtorId = "debtor_id";
    public const string DebtorName = "debtor_name";
    public const string DebtorKind = "debtor_kind";
    public const string Language = "language";
    public const string TimeZone = "time_zone";
    public const string Country = "country";
    public const string State = "state";
    public const string Email = "email";
    public const string IssueDate = "issue_date";
    public const string DueDate = "due_date";
    public const string Currency = "currency";
    public const string Total = "total";
    public const string LineDescription = "line_description";
    public const string LineQuantity = "line_quantity";
    public const string LineUnitPrice = "line_unit_price";
    public const string LineVatRate = "line_vat_rate";
    public const string DocumentLink = "document_link";
    public const string DueDateAgreed = "due_date_agreed";
    public const string DefaultNotice = "default_notice";
    public const string ContactPerson = "contact_person";
    public const string Salutation = "salutation";
    public const string PreferredChannel = "preferred_channel";
    public const string AlsoByEmail = "also_by_email";
    public const string Street = "street";
    public const string PostalCode = "postal_code";
    public const string City = "city";

    public static readonly IReadOnlyList<string> Required = [InvoiceNumber, DebtorId, DebtorName, IssueDate, DueDate, Currency];

    public static readonly IReadOnlyList<string> Line = [LineDescription, LineQuantity, LineUnitPrice, LineVatRate];

    /// <summary>Invoice-level columns: on the extra rows of a multi-line invoice they are blank or repeat the first row.</summary>
    public static readonly IReadOnlyList<string> InvoiceLevel =
        [DebtorId, DebtorName, DebtorKind, Language, TimeZone, Country, State, Email, IssueDate, DueDate, Currency, Total, DocumentLink,
            DueDateAgreed, DefaultNotice,
            ContactPerson, Salutation, PreferredChannel, AlsoByEmail, Street, PostalCode, City];

    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        [InvoiceNumber] = "invoice_no invoice rechnungsnummer rechnungsnr rechnung_nr rechnung",
        [DebtorId] = "customer_id customer_number customer_no kundennummer kundennr kunden_nr debitor debitorennummer",
        [DebtorName] = "customer_name name kundenname debitorname",
        [DebtorKind] = "customer_type kind kundenart kundentyp",
        [Language] = "sprache",
        [TimeZone] = "timezone zeitzone",
        [Country] = "land",
        [State] = "region bundesland",
        [Email] = "e_mail mail",
        [IssueDate] = "invoice_date date rechnungsdatum datum",
        [DueDate] = "due fälligkeit fälligkeitsdatum fällig_am faelligkeit faelligkeitsdatum faellig_am",
        [Currency] = "währung waehrung",
        [Total] = "amount gross_total betrag gesamtbetrag summe brutto bruttobetrag",
        [LineDescription] = "description position bezeichnung beschreibung",
        [LineQuantity] = "quantity menge anzahl",
        [LineUnitPrice] = "unit_price einzelpreis preis",
        [LineVatRate] = "vat_rate vat mwst mwst_satz ust ust_satz steuersatz",
        [DocumentLink] = "document link dokument beleg pdf",
        [DueDateAgreed] = "calendar_date_agreed fester_termin kalendertermin termin_vereinbart",
        [DefaultNotice] = "notice_286 verzugshinweis hinweis_286",
        [ContactPerson] = "contact ansprechpartner ansprechpartnerin kontaktperson",
        [Salutation] = "anrede",
        [PreferredChannel] = "channel kanal bevorzugter_kanal",
        [AlsoByEmail] = "copy_by_email auch_per_email auch_per_e_mail immer_auch_per_e_mail",
        [Street] = "address street_address straße strasse anschrift adresse",
        [PostalCode] = "zip zip_code postcode plz postleitzahl",
        [City] = "town ort stadt wohnort",
    }
        .SelectMany(pair => pair.Value.Split(' ').Append(pair.Key).Select(alias => (alias, canonical: pair.Key)))
        .ToFrozenDictionary(p => p.alias, p => p.canonical, StringComparer.Ordinal);

    /// <summary>The canonical name for a header as written, or null when it is not a known column.</summary>
    public static string? Canonical(string header) => Aliases.GetValueOrDefault(Normalize(header));

    public static string Normalize(string header) =>
        header.Trim().Trim('\uFEFF').Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_').Replace('.', '_');
}
