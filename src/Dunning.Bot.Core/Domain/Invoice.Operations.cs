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
    /// Records a payment as a fact; what it settles is allocated by <see cref="Claims.ClaimLedger.BookPayment"/>, which is
    /// the way to book one. A payment with the same reference, date and amount as an earlier one is ignored (idempotent
    /// intake): returns false then — also when that payment was reversed since, so a statement imported again does not book
    /// a reversed payment anew.
    /// </summary>
    public bool RecordPayment(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Amount <= 0m || payment.Amount != Math.Round(payment.Amount, Domain.Currency.MinorUnits(Currency)))
            throw new DomainException($"Invoice {Number}: a payment of {payment.Amount} is not a positive amount in whole cents.");
        if (payment.Reference is not null && (Payments.Contains(payment) || Reversals.Any(r => r.Payment == payment)))
            return false;
        Payments.Add(payment);
        return true;
    }

    /// <summary>
    /// Undoes every payment with <paramref name="reference"/>: they move to <see cref="Reversals"/> and no longer count
    /// (the claim ledger allocates the rest afresh). Throws <see cref="DomainException"/> when there is none to undo.
    /// </summary>
    public IReadOnlyList<Payment> ReversePayments(string reference, DateOnly on, string reason, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var undone = Payments.Where(p => p.Reference == reference).ToList();
        if (undone.Count == 0)
            throw new DomainException($"Invoice {Number} has no booked payment with reference {reference}.");
        foreach (var payment in undone)
        {
            Payments.Remove(payment);
            Reversals.Add(new PaymentReversal(payment, on, reason, by));
        }
        return undone;
    }

    /// <summary>Records a write-off as a fact (see <see cref="Claims.ClaimLedger.BookWriteOff"/>).</summary>
    public void AddWriteOff(WriteOff writeOff)
    {
        ArgumentNullException.ThrowIfNull(writeOff);
        if (writeOff.Amount <= 0m)
            throw new DomainException($"Invoice {Number}: a write-off of {writeOff.Amount} is not positive.");
        WriteOffs.Add(writeOff);
    }

    /// <summary>Records a credit note that lowers the principal from its date on.</summary>
    public void AddCreditNote(CreditNote creditNote)
    {
        ArgumentNullException.ThrowIfNull(creditNote);
        if (creditNote.Amount <= 0m)
            throw new DomainException($"Invoice {Number}: a credit note of {creditNote.Amount} is not positive.");
        CreditNotes.Add(creditNote);
    }

    /// <summary>Marks the claim settled on <paramref name="on"/> (the claim ledger decides when).</summary>
    public void Settle(DateOnly on) => SettledOn ??= on;

    /// <summary>Opens a settled claim again (a reversed payment); a written-off invoice stays written off.</summary>
    public void Reopen() => SettledOn = null;

    /// <summary>Restores the settlement day from storage.</summary>
    public void RestoreSettlement(DateOnly? on) => SettledOn = on;

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
