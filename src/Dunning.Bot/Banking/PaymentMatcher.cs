namespace Dunning.Bot.Banking;

/// <summary>
/// Finds what a credit may be for, pure and in memory (the importer decides and books): our RF creditor references and
/// invoice numbers in the remittance text (spaces, hyphens, slashes and line breaks ignored; O read as 0 and I/l as 1
/// only when nothing matched as written), the debtor of the payer's IBAN (learned from confirmed matches) or name, their
/// open claims and running instalments.
/// </summary>
public sealed class PaymentMatcher
{
    private readonly NumberIndex exact;
    private readonly NumberIndex lookalike;
    private readonly Dictionary<string, List<string>> debtorsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> debtorsByIban = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OpenClaim>> claimsByDebtor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OpenInstalment>> instalmentsByDebtor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> invoicesByReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BookedCredit>> creditsByReference = new(StringComparer.Ordinal);

    public PaymentMatcher(IEnumerable<OpenClaim> claims, IEnumerable<(string Id, string Name)> debtors,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? payerAccounts = null, IEnumerable<OpenInstalment>? instalments = null,
        IEnumerable<BookedCredit>? booked = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(debtors);
        var all = claims.ToList();
        foreach (var claim in all)
        {
            (claimsByDebtor.TryGetValue(claim.DebtorId, out var own) ? own : claimsByDebtor[claim.DebtorId] = []).Add(claim);
            foreach (var reference in claim.References)
                Booked(reference, claim.Number);
        }
        exact = new NumberIndex(all, c => c);
        lookalike = new NumberIndex(all, Lookalike);
        foreach (var (id, name) in debtors)
        {
            var key = Name(name);
            if (key.Length > 0)
                (debtorsByName.TryGetValue(key, out var ids) ? ids : debtorsByName[key] = []).Add(id);
        }
        foreach (var (iban, ids) in payerAccounts ?? new Dictionary<string, IReadOnlyList<string>>())
            debtorsByIban[iban] = [.. ids];
        foreach (var instalment in instalments ?? [])
            (instalmentsByDebtor.TryGetValue(instalment.DebtorId, out var list) ? list : instalmentsByDebtor[instalment.DebtorId] = []).Add(instalment);
        foreach (var credit in booked ?? [])
            (creditsByReference.TryGetValue(credit.Reference, out var parts) ? parts : creditsByReference[credit.Reference] = []).Add(credit);
    }

    /// <summary>
    /// The booked payment a reversal entry undoes: the first of <paramref name="references"/> a payment was booked with,
    /// else the one payment (all its parts together) from the debtor of the known <paramref name="iban"/> of exactly
    /// <paramref name="amount"/>; null when none or several fit. <c>Reversed</c>: that payment was reversed already.
    /// </summary>
    public (string Reference, IReadOnlyList<string> Invoices, bool Reversed)? ReversedPayment(IEnumerable<string> references, string? iban, decimal amount, string currency)
    {
        ArgumentNullException.ThrowIfNull(references);
        foreach (var reference in references)
        {
            if (creditsByReference.TryGetValue(reference, out var parts))
                return (reference, [.. parts.Select(p => p.Invoice).Distinct(StringComparer.Ordinal)], parts.All(p => p.Reversed));
        }
        if (iban is null || !debtorsByIban.TryGetValue(iban, out var debtors))
            return null;
        var fitting = creditsByReference.Where(c => c.Value.All(p => !p.Reversed && p.Currency == currency && debtors.Contains(p.DebtorId, StringComparer.Ordinal))
            && c.Value.Sum(p => p.Amount) == amount).Take(2).ToList();
        return fitting is [var one] ? (one.Key, [.. one.Value.Select(p => p.Invoice).Distinct(StringComparer.Ordinal)], false) : null;
    }

    /// <summary>The invoices a payment with <paramref name="reference"/> is already booked on (empty: none).</summary>
    public IReadOnlyList<string> BookedOn(string reference) => invoicesByReference.TryGetValue(reference, out var list) ? list : [];

    /// <summary>Remembers a booking so a later entry of the same import sees it.</summary>
    public void Booked(string reference, string invoice)
    {
        var list = invoicesByReference.TryGetValue(reference, out var l) ? l : invoicesByReference[reference] = [];
        if (!list.Contains(invoice, StringComparer.Ordinal))
            list.Add(invoice);
    }

    /// <summary>Remembers that <paramref name="iban"/> belongs to <paramref name="debtorId"/> for the rest of the import.</summary>
    public void Learned(string iban, string debtorId)
    {
        var ids = debtorsByIban.TryGetValue(iban, out var list) ? list : debtorsByIban[iban] = [];
        if (!ids.Contains(debtorId, StringComparer.Ordinal))
            ids.Add(debtorId);
    }

    /// <summary>
    /// The invoices <paramref name="text"/> names, each once, in order of appearance, and by which rule: RF references
    /// (only with valid check digits), then invoice numbers as written, else as lookalikes; empty when none.
    /// </summary>
    public (IReadOnlyList<OpenClaim> Claims, MatchRule Rule) Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var byReference = exact.CreditorReferencesIn(text);
        if (byReference.Count > 0)
            return (byReference, MatchRule.CreditorReference);
        var named = exact.NumbersIn(text);
        return named.Count > 0 ? (named, MatchRule.InvoiceNumber) : (lookalike.NumbersIn(text), MatchRule.InvoiceNumberLookalike);
    }

    /// <summary>The debtors a payer may be: those a known IBAN paid for (then <paramref name="byAccount"/>), else those of that name.</summary>
    public IReadOnlyList<string> DebtorsOf(string? payer, string? iban, out bool byAccount)
    {
        byAccount = iban is not null && debtorsByIban.ContainsKey(iban);
        if (byAccount)
            return debtorsByIban[iban!];
        return payer is not null && debtorsByName.TryGetValue(Name(payer), out var ids) ? ids : [];
    }

    /// <summary>The open claims of <paramref name="debtorIds"/> whose open amount equals <paramref name="amount"/>.</summary>
    public IReadOnlyList<OpenClaim> ByAmount(IReadOnlyList<string> debtorIds, decimal amount, string currency) =>
        [.. debtorIds.SelectMany(id => claimsByDebtor.TryGetValue(id, out var c) ? c : []).Where(c => c.Due == amount && c.Currency == currency)];

    /// <summary>The unpaid instalments of running agreements of <paramref name="debtorIds"/> equal to <paramref name="amount"/>, the next due of each agreement only.</summary>
    public IReadOnlyList<OpenInstalment> InstalmentsOf(IReadOnlyList<string> debtorIds, decimal amount, string currency) =>
        [.. debtorIds.SelectMany(id => instalmentsByDebtor.TryGetValue(id, out var list) ? list : [])
            .Where(i => !i.Taken && i.Currency == currency)
            .GroupBy(i => i.AgreementId, StringComparer.Ordinal).Select(g => g.OrderBy(i => i.DueDate).First())
            .Where(i => i.Amount == amount)];

    /// <summary>The open invoices (claims) among <paramref name="numbers"/>, oldest due first.</summary>
    public IReadOnlyList<OpenClaim> Claims(IEnumerable<string> numbers) => [.. numbers.Select(exact.Get).OfType<OpenClaim>().OrderBy(c => c.DueDate).ThenBy(c => c.Number, StringComparer.Ordinal)];

    /// <summary>An invoice number as compared: letters and digits only, upper case.</summary>
    public static string Compact(string number) =>
        string.Concat(number.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant));

    /// <summary>The characters payers and OCR confuse made one (upper case in): O → 0, I and L → 1.</summary>
    public static char Lookalike(char c) => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };

    /// <summary>A name as compared: lower case, umlauts spelled out as banks transmit them, punctuation dropped.</summary>
    public static string Name(string name) => PayerName.Normalize(name);
}
