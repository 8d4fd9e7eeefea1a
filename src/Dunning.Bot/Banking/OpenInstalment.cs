namespace Dunning.Bot.Banking;

/// <summary>An unpaid instalment of a running agreement as the matcher sees it; <see cref="Taken"/> once a credit of this import was matched to it.</summary>
public sealed class OpenInstalment(string agreementId, string debtorId, IReadOnlyList<string> invoiceNumbers, string currency, int index, DateOnly dueDate, decimal amount)
{
    public string AgreementId { get; } = agreementId;

    public string DebtorId { get; } = debtorId;

    public IReadOnlyList<string> InvoiceNumbers { get; } = invoiceNumbers;

    public string Currency { get; } = currency;

    /// <summary>The instalment's position in the agreement's schedule.</summary>
    public int Index { get; } = index;

    public DateOnly DueDate { get; } = dueDate;

    public decimal Amount { get; } = amount;

    public bool Taken { get; set; }
}
