namespace Dunning.Bot.Banking;

/// <summary>
/// Why an entry of a statement was not booked (<see cref="BankImportItem.Code"/>): the console words each code in the
/// staff member's language (<c>dialogs/console_bank.*.yaml</c>, key <c>reason_&lt;code&gt;</c>); the verb and the API keep
/// the English sentence in <see cref="BankImportItem.Reason"/>.
/// </summary>
public static class BankReasons
{
    public const string Pending = "pending";
    public const string Debit = "debit";
    public const string DebitReversal = "debit_reversal";
    public const string Reversal = "reversal";
    public const string ReversalUnmatched = "reversal_unmatched";
    public const string Currency = "currency";
    public const string NotPositive = "not_positive";
    public const string NotCents = "not_cents";
    public const string NoReference = "no_reference";
    public const string AlreadyBooked = "already_booked";
    public const string Ledger = "ledger";
    public const string InvoiceGone = "invoice_gone";
    public const string Uncertain = "uncertain";
    public const string Settled = "settled";
    public const string Overpays = "overpays";
    public const string PartOfSeveral = "part_of_several";
    public const string Ambiguous = "ambiguous";
    public const string NoClaimOfPayer = "no_claim_of_payer";
    public const string UnknownPayer = "unknown_payer";

    /// <summary>Every code, for the check that each has wording.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Pending, Debit, DebitReversal, Reversal, ReversalUnmatched, Currency, NotPositive, NotCents, NoReference, AlreadyBooked, Ledger,
        InvoiceGone, Uncertain, Settled, Overpays, PartOfSeveral, Ambiguous, NoClaimOfPayer, UnknownPayer,
    ];
}
