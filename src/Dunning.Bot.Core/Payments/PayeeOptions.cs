namespace Dunning.Bot.Core.Payments;

/// <summary>
/// The owner's bank account that debtors pay to, bound from <see cref="SectionName"/>. Everything is empty by
/// default: without an <see cref="Iban"/> the bot says payment details are not configured and offers a person.
/// Checked at start-up (<see cref="Validate"/>): a wrong IBAN checksum or BIC shape stops the host.
/// </summary>
public sealed class PayeeOptions
{
    public const string SectionName = "Payee";

    /// <summary>The GiroCode limit for the beneficiary name (EPC069-12).</summary>
    public const int MaxAccountHolderLength = 70;

    /// <summary>Longest <see cref="RemittancePrefix"/>; the rest of the 140-character reference is for invoice numbers.</summary>
    public const int MaxPrefixLength = 35;

    /// <summary>The beneficiary's name as the bank knows it (required with an IBAN, at most 70 characters).</summary>
    public string AccountHolder { get; set; } = "";

    /// <summary>The IBAN; empty = payment details not configured.</summary>
    public string Iban { get; set; } = "";

    /// <summary>The BIC (8 or 11 characters); optional inside the EEA.</summary>
    public string Bic { get; set; } = "";

    /// <summary>The bank's name, shown to the debtor; optional.</summary>
    public string BankName { get; set; } = "";

    /// <summary>Text put before the invoice numbers in the payment reference, e.g. <c>Kd. 4711</c>; optional.</summary>
    public string RemittancePrefix { get; set; } = "";

    /// <summary>True when an IBAN is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Iban);

    /// <summary>Every problem with these options, one sentence each; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(Bic) || !string.IsNullOrWhiteSpace(AccountHolder))
                problems.Add($"{SectionName}:Iban is empty while other payee details are set; set the IBAN or clear the section.");
            return problems;
        }
        if (!Payments.Iban.IsValid(Iban))
            problems.Add($"{SectionName}:Iban '{Iban}' is not a valid IBAN (wrong shape or checksum).");
        if (!string.IsNullOrWhiteSpace(Bic) && !Payments.Bic.IsValid(Bic))
            problems.Add($"{SectionName}:Bic '{Bic}' is not a BIC (8 or 11 characters: bank, country, location, optional branch).");
        if (string.IsNullOrWhiteSpace(AccountHolder))
            problems.Add($"{SectionName}:AccountHolder is required when an IBAN is set.");
        else if (AccountHolder.Trim().Length > MaxAccountHolderLength)
            problems.Add($"{SectionName}:AccountHolder is longer than {MaxAccountHolderLength} characters (the GiroCode limit).");
        if (RemittancePrefix.Length > MaxPrefixLength)
            problems.Add($"{SectionName}:RemittancePrefix is longer than {MaxPrefixLength} characters.");
        if (new[] { AccountHolder, BankName, RemittancePrefix }.Any(v => v.Any(char.IsControl)))
            problems.Add($"{SectionName}: AccountHolder, BankName and RemittancePrefix must be single lines without control characters.");
        return problems;
    }
}
