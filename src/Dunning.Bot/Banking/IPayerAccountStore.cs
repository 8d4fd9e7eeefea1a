namespace Dunning.Bot.Banking;

/// <summary>
/// Payers' IBANs known for debtors, learned from confirmed matches (an RF reference or invoice number booked, or a review
/// item a person assigned): a later credit from that account without a number is matched by amount to that debtor.
/// </summary>
public interface IPayerAccountStore
{
    /// <summary>Every known IBAN with the debtors it paid for (usually one).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Remembers each (IBAN, debtor) pair not known yet, in one transaction; returns how many were new.</summary>
    Task<int> LearnAsync(IReadOnlyCollection<(string Iban, string DebtorId)> accounts, DateTimeOffset at, CancellationToken cancellationToken);
}
