namespace Dunning.Bot.Core.Domain;

public sealed partial class Invoice
{
    /// <summary>Creates an invoice after checking every invariant; throws <see cref="DomainException"/> naming the problem.</summary>
    public static Invoice Create(string number, string debtorId, DateOnly issueDate, DateOnly dueDate, string currency,
        decimal? total, IReadOnlyList<InvoiceLine>? lines = null, string? documentLink = null)
    {
        if (string.IsNullOrWhiteSpace(number))
            throw new DomainException("Invoice number is missing.");
        if (string.IsNullOrWhiteSpace(debtorId))
            throw new DomainException($"Invoice {number}: debtor is missing.");
        var invoice = new Invoice
        {
            Number = number.Trim(),
            DebtorId = debtorId,
            IssueDate = issueDate,
            DueDate = dueDate,
            Currency = Domain.Currency.Normalize(currency),
            Lines = [.. lines ?? []],
            Total = 0m,
            DocumentLink = documentLink,
        };
        invoice.SetTotal(total);
        return invoice;
    }

    /// <summary>Sets the total from the lines or the given amount; with both they must agree to the cent.</summary>
    public void SetTotal(decimal? total)
    {
        foreach (var line in Lines)
        {
            if (line.Quantity <= 0m)
                throw new DomainException($"Invoice {Number}: line '{line.Description}' has a quantity of {line.Quantity}; it must be positive.");
            if (line.UnitPrice < 0m || line.VatRate is < 0m or > 100m)
                throw new DomainException($"Invoice {Number}: line '{line.Description}' has a negative price or a VAT rate outside 0–100.");
        }
        var fromLines = Lines.Count > 0 ? Lines.Sum(l => l.Gross) : (decimal?)null;
        var value = total ?? fromLines ?? throw new DomainException($"Invoice {Number}: neither a total nor lines are given.");
        if (fromLines is { } sum && sum != value)
            throw new DomainException($"Invoice {Number}: total {value} does not match the sum of its lines {sum}.");
        if (value <= 0m)
            throw new DomainException($"Invoice {Number}: total {value} must be positive.");
        Total = value;
    }

    /// <summary>
    /// Records a payment. Partial payments reduce the open balance; an overpayment leaves the balance at
    /// zero and the excess as <see cref="Credit"/>. Returns the credit this payment created (0 if none).
    /// A payment with the same reference, date and amount as an earlier one is ignored (idempotent intake).
    /// </summary>
    public decimal RecordPayment(Payment payment)
    {
        if (payment.Amount <= 0m)
            throw new DomainException($"Invoice {Number}: a payment of {payment.Amount} is not positive.");
        if (payment.Reference is not null && Payments.Contains(payment))
            return 0m;
        var creditBefore = Credit;
        Payments.Add(payment);
        return Credit - creditBefore;
    }

    /// <summary>Stops dunning with a reason until an optional expiry ("Mahnstopp").</summary>
    public void PauseDunning(string reason, DateTimeOffset? until, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException($"Invoice {Number}: a pause needs a reason.");
        if (until is not null && until <= now)
            throw new DomainException($"Invoice {Number}: the pause must end in the future.");
        Pause = new DunningPause(reason.Trim(), until, now);
    }

    public void ResumeDunning() => Pause = null;

    public void MarkDisputed(string reason) =>
        Dispute = string.IsNullOrWhiteSpace(reason) ? throw new DomainException($"Invoice {Number}: a dispute needs a reason.") : reason.Trim();

    public void ResolveDispute() => Dispute = null;

    public void WriteOff(DateTimeOffset now) => WrittenOffAt ??= now;
}
