using System.Text.Json;
using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Statements;

namespace Dunning.Bot.Api;

/// <summary>Create or update a debtor. Omitted optional fields keep their current value (or the default).</summary>
public sealed record DebtorRequest
{
    public required string Name { get; init; }
    public DebtorKind? Kind { get; init; }
    public string? Language { get; init; }
    public string? TimeZone { get; init; }
    public string? Country { get; init; }
    public string? State { get; init; }
    public string? Email { get; init; }

    /// <summary>The person to address at a business (surname or full name); empty string clears it.</summary>
    public string? ContactPerson { get; init; }

    /// <summary>How to address them: <c>Frau</c>, <c>Herr</c>, <c>Ms</c>, <c>Mr</c>, …; empty string clears it.</summary>
    public string? Salutation { get; init; }

    /// <summary>Reminders go to this channel first when it can deliver: telegram, msteams, webchat or email; empty string clears it.</summary>
    public string? PreferredChannel { get; init; }

    /// <summary>Every reminder sent to a chat also goes out by e-mail.</summary>
    public bool? AlsoByEmail { get; init; }

    /// <summary>Postal address for letters and the case file: street and house number; empty string clears it.</summary>
    public string? Street { get; init; }

    /// <summary>Postal code; empty string clears it.</summary>
    public string? PostalCode { get; init; }

    /// <summary>City; empty string clears it.</summary>
    public string? City { get; init; }
}

public sealed record DebtorResponse(string Id, string Name, DebtorKind Kind, string Language, string TimeZone,
    string Country, string? State, string? Email, string AccessCode, DebtorLinks Links, int Version)
{
    public string? ContactPerson { get; init; }

    public string? Salutation { get; init; }

    public string? PreferredChannel { get; init; }

    public bool AlsoByEmail { get; init; }

    public string? Street { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public static DebtorResponse From(Debtor d, Uri chatLink) => new(d.Id, d.Name, d.Kind, d.Language, d.TimeZone,
        d.Country, d.State, d.Email, d.AccessCode, new DebtorLinks(chatLink), d.Version)
    {
        ContactPerson = d.ContactPerson,
        Salutation = d.Salutation,
        PreferredChannel = d.PreferredChannel,
        AlsoByEmail = d.AlsoByEmail,
        Street = d.Street,
        PostalCode = d.PostalCode,
        City = d.City,
    };
}

/// <summary>Where the debtor can start chatting; each link binds the chat to this debtor.</summary>
public sealed record DebtorLinks(Uri Chat);

public sealed record InvoiceLineDto(string Description, decimal Quantity, decimal UnitPrice, decimal VatRate);

/// <summary>Create or update an invoice. With lines, a given total must equal their gross sum.</summary>
public sealed record InvoiceRequest
{
    public required string DebtorId { get; init; }
    public required DateOnly IssueDate { get; init; }
    public required DateOnly DueDate { get; init; }
    public required string Currency { get; init; }
    public decimal? Total { get; init; }
    public IReadOnlyList<InvoiceLineDto>? Lines { get; init; }
    public string? DocumentLink { get; init; }

    /// <summary>True when the due date was agreed as a calendar date (§286(2) Nr. 1 BGB); omit for the owner's default.</summary>
    public bool? DueDateAgreed { get; init; }

    /// <summary>True when the invoice carried the §286(3) notice for consumers; omit for the owner's default.</summary>
    public bool? DefaultNotice { get; init; }
}

public sealed record PaymentRequest
{
    public required DateOnly Date { get; init; }
    public required decimal Amount { get; init; }
    public string? Reference { get; init; }
}

public sealed record PauseRequest
{
    public required string Reason { get; init; }
    public DateTimeOffset? Until { get; init; }
}

/// <summary>
/// An invoice with its claim as of now. <see cref="OpenBalance"/> is the open claim (principal, interest and fees less
/// payments and write-offs) — the amount the debtor is asked for; <see cref="Claim"/> breaks it down.
/// </summary>
public sealed record InvoiceResponse(string Number, string DebtorId, DateOnly IssueDate, DateOnly DueDate,
    string Currency, decimal Total, decimal Paid, decimal OpenBalance, decimal Credit, InvoiceStatus Status,
    ClaimDto Claim, DateOnly? DefaultSince, string? DefaultReason, DateOnly? DefaultReasonDate,
    IReadOnlyList<InvoiceLineDto> Lines, IReadOnlyList<Payment> Payments, IReadOnlyList<WriteOff> WriteOffs,
    DunningPause? Pause, string? Dispute, bool? DueDateAgreed, bool? DefaultNotice, string? DocumentLink, int Version)
{
    public static InvoiceResponse From(InvoiceStatement s)
    {
        var (i, c) = (s.Invoice, s.Claim);
        return new(i.Number, i.DebtorId, i.IssueDate, i.DueDate, i.Currency, i.Total, c.Paid.Amount, s.Due.Amount, c.Credit.Amount,
            s.Status, ClaimDto.From(s), c.DefaultSince, WireName(c.DefaultReason), c.DefaultReasonDate,
            [.. i.Lines.Select(l => new InvoiceLineDto(l.Description, l.Quantity, l.UnitPrice, l.VatRate))],
            i.Payments, i.WriteOffs, i.Pause, i.Dispute, i.DueDateAgreed, i.DefaultNotice, i.DocumentLink, i.Version);
    }

    /// <summary><c>calendar_date</c>, <c>reminder</c>, <c>thirty_days</c>, or null when not in default.</summary>
    public static string? WireName(DefaultReason reason) => reason == Core.Claims.DefaultReason.None ? null : Wire.Name(reason);
}

/// <summary>Enum values as the API writes them: snake_case (<c>ThirtyDays</c> → <c>thirty_days</c>).</summary>
internal static class Wire
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

/// <summary>
/// The claim of an invoice: what it is made of (principal, interest and fees since default), what was paid and written
/// off, and what is open of each part; <c>principal + interest + fees − paid − writtenOff + credit = open</c>.
/// <see cref="Entries"/> shows how each payment was allocated.
/// </summary>
public sealed record ClaimDto(decimal Principal, decimal Interest, decimal Fees, decimal Paid, decimal WrittenOff, decimal Credit,
    decimal Open, decimal OpenPrincipal, decimal OpenInterest, decimal OpenFees, IReadOnlyList<ClaimEntryDto> Entries)
{
    public static ClaimDto From(InvoiceStatement s)
    {
        var c = s.Claim;
        return new(c.Principal.Amount, c.Interest.Amount, c.Fees.Amount, c.Paid.Amount, c.WrittenOff.Amount, c.Credit.Amount,
            s.Due.Amount, c.OpenPrincipal.Amount, c.OpenInterest.Amount, c.OpenFees.Amount,
            [.. c.Entries.Select(e => new ClaimEntryDto(e.Date, Wire.Name(e.Kind),
                e.Amount.Amount, e.ToFees.Amount, e.ToInterest.Amount, e.ToPrincipal.Amount, e.ToCredit.Amount, e.Note))]);
    }
}

/// <summary>One ledger line: <c>fee</c>, <c>payment</c>, <c>write_off</c> or <c>credit_note</c>, and what it settled.</summary>
public sealed record ClaimEntryDto(DateOnly Date, string Kind, decimal Amount, decimal ToFees, decimal ToInterest, decimal ToPrincipal, decimal ToCredit, string? Note);

/// <summary>Give up part of a claim: an amount (omit it for all that is open) and why.</summary>
public sealed record WriteOffRequest
{
    public decimal? Amount { get; init; }
    public required string Reason { get; init; }
}

public sealed record CaseInvoice(string Number, int Stage, InvoiceStatus Status, decimal OpenBalance, string Currency, DateOnly DueDate,
    DateOnly? DefaultSince, string? DefaultReason);

/// <summary>An agreement on the case: its state (snake_case), the invoices it covers, the amount and the schedule.</summary>
public sealed record CaseAgreement(string Id, string Kind, string Status, IReadOnlyList<string> Invoices, decimal Amount, string Currency,
    IReadOnlyList<Instalment> Schedule, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecidedBy);

public sealed record CaseResponse(string DebtorId, string DebtorName, IReadOnlyList<CaseInvoice> Invoices,
    IReadOnlyList<CaseAgreement> Agreements, DateTimeOffset? NextActionAt, DateTimeOffset? LastContactAt, int Actions);
