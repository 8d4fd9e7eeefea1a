namespace Dunning.Bot.Banking;

/// <summary>Why a credit was matched to an invoice; each rule carries a confidence (see <see cref="MatchConfidence"/>).</summary>
public enum MatchRule
{
    /// <summary>The invoice's ISO 11649 creditor reference with valid check digits.</summary>
    CreditorReference,

    /// <summary>The invoice number (spaces, hyphens, slashes and line breaks ignored).</summary>
    InvoiceNumber,

    /// <summary>The invoice number only after reading O as 0 and I or l as 1 (a payer's or OCR's slip).</summary>
    InvoiceNumberLookalike,

    /// <summary>Several invoice numbers; the amount equals what is open on all of them.</summary>
    SeveralInvoices,

    /// <summary>The one open claim of the payer's debtor (known by IBAN) equal to the amount.</summary>
    AmountFromKnownAccount,

    /// <summary>The one open claim of the debtor the payer's name names equal to the amount.</summary>
    AmountFromPayerName,

    /// <summary>The next instalment of the debtor's running agreement equals the amount.</summary>
    Instalment,
}

/// <summary>The confidence of each <see cref="MatchRule"/>, 0–1: at or above Banking:AutoBookConfidence a match is booked, below it waits for review.</summary>
public static class MatchConfidence
{
    public static decimal Of(MatchRule rule) => rule switch
    {
        MatchRule.CreditorReference => 1.00m,
        MatchRule.InvoiceNumber => 0.95m,
        MatchRule.AmountFromKnownAccount => 0.95m,
        MatchRule.SeveralInvoices => 0.90m,
        MatchRule.AmountFromPayerName => 0.90m,
        MatchRule.Instalment => 0.90m,
        MatchRule.InvoiceNumberLookalike => 0.75m,
        _ => 0m,
    };
}
