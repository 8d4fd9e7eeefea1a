namespace Dunning.Bot.Banking;

/// <summary>
/// One booked entry of a bank statement as read from camt.053/camt.054 or MT940: the bank's reference (the payment
/// reference when it is booked), dates, a positive amount with its currency and direction, whether it reverses an earlier
/// entry, the remittance text (unstructured and structured, joined) and the payer's name.
/// </summary>
public sealed record BankEntry
{
    /// <summary>The bank's reference (camt AcctSvcrRef, MT940 bank reference); null when the statement carries none.</summary>
    public string? Reference { get; init; }

    public required DateOnly BookingDate { get; init; }

    public DateOnly? ValueDate { get; init; }

    /// <summary>The amount as written in the statement (positive for a well-formed entry).</summary>
    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required bool IsCredit { get; init; }

    public bool IsReversal { get; init; }

    /// <summary>False for entries the bank has not booked yet (camt status PDNG/INFO).</summary>
    public bool IsBooked { get; init; } = true;

    public string Remittance { get; init; } = "";

    public string? Payer { get; init; }

    /// <summary>The payer's account (camt RltdPties/DbtrAcct, MT940 ?31) when it is a valid IBAN; null otherwise.</summary>
    public string? PayerIban { get; init; }

    /// <summary>
    /// The other references the bank gave for the entry (camt <c>NtryDtls/TxDtls/Refs</c> and <c>AcctSvcrRef</c> there,
    /// MT940's customer reference): a reversal names the entry it undoes by one of them.
    /// </summary>
    public IReadOnlyList<string> RelatedReferences { get; init; } = [];

    /// <summary>The other party's account when it is a valid IBAN and not the payer's (camt <c>CdtrAcct</c> of a debit).</summary>
    public string? CounterpartyIban { get; init; }

    /// <summary>The day the money arrived: the value date, else the booking date.</summary>
    public DateOnly PaidOn => ValueDate ?? BookingDate;

    /// <summary>A key for the review queue: the reference, or the entry's facts when the bank gave none.</summary>
    public string Key => Reference ?? "noref:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
        $"{BookingDate:yyyyMMdd}|{Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{Currency}|{Payer}|{Remittance}")))[..16];
}
