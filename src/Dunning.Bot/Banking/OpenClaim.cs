namespace Dunning.Bot.Banking;

/// <summary>An invoice as the matcher sees it: its open claim (<c>InvoiceStatement.Due</c>) and the payment references booked on it.</summary>
public sealed class OpenClaim(string number, string debtorId, string currency, DateOnly dueDate, decimal due, IEnumerable<string> references)
{
    public string Number { get; } = number;

    public string DebtorId { get; } = debtorId;

    public string Currency { get; } = currency;

    public DateOnly DueDate { get; } = dueDate;

    /// <summary>The open claim; updated as payments of the same statement are booked.</summary>
    public decimal Due { get; set; } = due;

    public HashSet<string> References { get; } = [.. references];
}
