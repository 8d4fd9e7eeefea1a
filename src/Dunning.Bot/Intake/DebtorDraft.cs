using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Intake;

/// <summary>A debtor as the file describes it; null fields were not given (existing values stay, new debtors get defaults).</summary>
internal sealed record DebtorDraft(int FirstRow, string Id, string Name, DebtorKind? Kind, string? Language, string? TimeZone,
    string? Country, string? State, string? Email)
{
    public string? ContactPerson { get; init; }

    public string? Salutation { get; init; }

    public string? PreferredChannel { get; init; }

    public bool? AlsoByEmail { get; init; }

    public string? Street { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    /// <summary>The fields that differ from <paramref name="other"/> where both give a value: (column, this value, other value).</summary>
    public IEnumerable<(string Column, string Mine, string Theirs)> Conflicts(DebtorDraft other)
    {
        (string Column, string? Mine, string? Theirs)[] fields =
        [
            (CsvColumns.DebtorName, Name, other.Name), (CsvColumns.DebtorKind, Kind?.ToString(), other.Kind?.ToString()),
            (CsvColumns.Language, Language, other.Language), (CsvColumns.TimeZone, TimeZone, other.TimeZone),
            (CsvColumns.Country, Country, other.Country), (CsvColumns.State, State, other.State), (CsvColumns.Email, Email, other.Email),
            (CsvColumns.ContactPerson, ContactPerson, other.ContactPerson), (CsvColumns.Salutation, Salutation, other.Salutation),
            (CsvColumns.PreferredChannel, PreferredChannel, other.PreferredChannel),
            (CsvColumns.AlsoByEmail, AlsoByEmail?.ToString(), other.AlsoByEmail?.ToString()),
            (CsvColumns.Street, Street, other.Street), (CsvColumns.PostalCode, PostalCode, other.PostalCode), (CsvColumns.City, City, other.City),
        ];
        return fields.Where(f => f.Mine is not null && f.Theirs is not null && f.Mine != f.Theirs).Select(f => (f.Column, f.Mine!, f.Theirs!));
    }

    /// <summary>Fills the fields this draft leaves open from <paramref name="later"/>.</summary>
    public DebtorDraft Complete(DebtorDraft later) => this with
    {
        Kind = Kind ?? later.Kind,
        Language = Language ?? later.Language,
        TimeZone = TimeZone ?? later.TimeZone,
        Country = Country ?? later.Country,
        State = State ?? later.State,
        Email = Email ?? later.Email,
        ContactPerson = ContactPerson ?? later.ContactPerson,
        Salutation = Salutation ?? later.Salutation,
        PreferredChannel = PreferredChannel ?? later.PreferredChannel,
        AlsoByEmail = AlsoByEmail ?? later.AlsoByEmail,
        Street = Street ?? later.Street,
        PostalCode = PostalCode ?? later.PostalCode,
        City = City ?? later.City,
    };
}
