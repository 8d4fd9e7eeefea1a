using Dunning.Bot.Core.Domain;

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
}

public sealed record DebtorResponse(string Id, string Name, DebtorKind Kind, string Language, string TimeZone,
    string Country, string? State, string? Email, string AccessCode, DebtorLinks Links, int Version)
{
    public string? ContactPerson { get; init; }

    public string? Salutation { get; init; }

    public string? PreferredChannel { get; init; }

    public bool AlsoByEmail { get; init; }

    public static DebtorResponse From(Debtor d, Uri chatLink) => new(d.Id, d.Name, d.Kind, d.Language, d.TimeZone,
        d.Country, d.State, d.Email, d.AccessCode, new DebtorLinks(chatLink), d.Version)
    {
        ContactPerson = d.ContactPerson,
        Salutation = d.Salutation,
        PreferredChannel = d.PreferredChannel,
        AlsoByEmail = d.AlsoByEmail,
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

public sealed record InvoiceResponse(string Number, string DebtorId, DateOnly IssueDate, DateOnly DueDate,
    string Currency, decimal Total, decimal Paid, decimal OpenBalance, decimal Credit, InvoiceStatus Status,
    IReadOnlyList<InvoiceLineDto> Lines, IReadOnlyList<Payment> Payments, DunningPause? Pause, string? Dispute,
    string? DocumentLink, int Version)
{
    public static InvoiceResponse From(Invoice i, DateTimeOffset now) => new(i.Number, i.DebtorId, i.IssueDate,
        i.DueDate, i.Currency, i.Total, i.Paid, i.OpenBalance, i.Credit, i.StatusAt(now),
        [.. i.Lines.Select(l => new InvoiceLineDto(l.Description, l.Quantity, l.UnitPrice, l.VatRate))],
        i.Payments, i.Pause, i.Dispute, i.DocumentLink, i.Version);
}

public sealed record CaseInvoice(string Number, int Stage, InvoiceStatus Status, decimal OpenBalance, string Currency, DateOnly DueDate);

public sealed record CaseResponse(string DebtorId, string DebtorName, IReadOnlyList<CaseInvoice> Invoices,
    DateTimeOffset? NextActionAt, DateTimeOffset? LastContactAt, int Actions);
