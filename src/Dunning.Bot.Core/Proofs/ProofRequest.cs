namespace Dunning.Bot.Core.Proofs;

/// <summary>What a proof of payment is for: the debtor, the invoices they say are paid, the escalation staff check it under.</summary>
public sealed record ProofRequest(string DebtorId, IReadOnlyList<string> InvoiceNumbers, string? EscalationId, string? ConversationKey);
