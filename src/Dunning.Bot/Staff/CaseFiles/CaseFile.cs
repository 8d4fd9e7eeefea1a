namespace Dunning.Bot.Staff.CaseFiles;

/// <summary>
/// Everything a collection agency or a court dunning application needs about one debtor, as of
/// <see cref="GeneratedAt"/>: the parties, each invoice with principal, payments, interest, fees and the amount due,
/// every reminder (date and channel), every promise and agreement, every objection, the escalations, the full case
/// history and the conversation transcripts. Amounts are decimal strings with their ISO currency.
/// </summary>
public sealed record CaseFile
{
    public required DateTimeOffset GeneratedAt { get; init; }

    public required string GeneratedBy { get; init; }

    public required CaseFileCreditor Creditor { get; init; }

    public required CaseFileDebtor Debtor { get; init; }

    public required IReadOnlyList<CaseFileInvoice> Invoices { get; init; }

    /// <summary>The amount due per currency (principal − paid + interest + fees over the open invoices).</summary>
    public required IReadOnlyList<CaseFileAmount> TotalDue { get; init; }

    public required IReadOnlyList<CaseFileEvent> Reminders { get; init; }

    public required IReadOnlyList<CaseFileAgreement> Agreements { get; init; }

    public required IReadOnlyList<CaseFileEvent> Promises { get; init; }

    public required IReadOnlyList<CaseFileEvent> Objections { get; init; }

    public required IReadOnlyList<CaseFileEscalation> Escalations { get; init; }

    public required IReadOnlyList<CaseFileEvent> History { get; init; }

    public required IReadOnlyList<CaseFileMessage> Transcript { get; init; }

    /// <summary>Transfer confirmations the debtor sent (proof of payment), oldest first.</summary>
    public IReadOnlyList<CaseFileProof> Proofs { get; init; } = [];
}

public sealed record CaseFileAmount(decimal Amount, string Currency);

public sealed record CaseFileCreditor(string? Name, string? Iban, string? Bic, string? BankName);

public sealed record CaseFileDebtor(string Id, string Name, string Kind, string? Email, string Country, string? State, string Language,
    IReadOnlyList<CaseFileContact> Contacts)
{
    /// <summary>The postal address lines that are known (contact person, street, postal code and city); empty when none is.</summary>
    public IReadOnlyList<string> PostalAddress { get; init; } = [];
}

public sealed record CaseFileContact(string Channel, string Address, DateTimeOffset? OptedOutAt, DateTimeOffset? DeadSince);

public sealed record CaseFileInvoice(string Number, DateOnly IssueDate, DateOnly DueDate, string Currency, string Status, int Stage,
    decimal Principal, decimal Paid, decimal Interest, decimal Fees, decimal WrittenOff, decimal Due, decimal? InterestRatePercent, DateOnly Deadline,
    DateOnly? DefaultSince, string? DefaultReason, DateOnly? DefaultReasonDate,
    IReadOnlyList<CaseFilePayment> Payments, IReadOnlyList<CaseFileWriteOff> WriteOffs, string? Dispute, string? Pause, string? DocumentLink)
{
    /// <summary>The raw <see cref="DefaultReason"/> name (e.g. <c>CalendarDate</c>) for words in a document; null when not in default.</summary>
    public string? DefaultReasonName { get; init; }

    /// <summary>The ladder stage's key (e.g. <c>request.first</c>), null before the first reminder.</summary>
    public string? StageKey { get; init; }

    public string? PauseReason { get; init; }

    public DateTimeOffset? PauseSince { get; init; }

    public DateTimeOffset? PauseUntil { get; init; }
}

/// <summary>A payment and how the claim ledger allocated it (§367 BGB: costs, interest, principal; the rest a credit).</summary>
public sealed record CaseFilePayment(DateOnly Date, decimal Amount, string? Reference, decimal ToFees, decimal ToInterest, decimal ToPrincipal, decimal ToCredit);

public sealed record CaseFileWriteOff(DateOnly Date, decimal Amount, string Reason, string By);

public sealed record CaseFileEvent(DateTimeOffset At, string Kind, string Summary, string? Channel, string? Actor, IReadOnlyList<string> Invoices);

public sealed record CaseFileAgreement(string Id, string Kind, string State, IReadOnlyList<string> Invoices, string Currency, decimal Amount,
    IReadOnlyList<CaseFileInstalment> Schedule, decimal? DiscountPercent, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecidedBy, int Breaks);

public sealed record CaseFileInstalment(DateOnly DueDate, decimal Amount, DateOnly? PaidOn);

public sealed record CaseFileEscalation(string Id, string Reason, string Priority, string State, DateTimeOffset RaisedAt, DateTimeOffset? RespondBy,
    string? Detail, string? AssignedTo, DateTimeOffset? ClosedAt);

public sealed record CaseFileMessage(DateTimeOffset At, string Conversation, string Direction, string? Sender, string? Text)
{
    /// <summary>The labels of the buttons the message offered.</summary>
    public IReadOnlyList<string> Buttons { get; init; } = [];

    /// <summary>The names of its attachments (the GiroCode image, a document).</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];
}
