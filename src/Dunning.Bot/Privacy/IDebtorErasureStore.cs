namespace Dunning.Bot.Privacy;

/// <summary>
/// Erases a debtor's personal data and conversation content in one transaction, keeping what bookkeeping needs.
/// Kept: the debtor's id (the owner's customer number) under a pseudonym, every invoice (number, dates, lines, amounts,
/// payments), the agreements, the case's stages and the kinds and times of its history. Replaced or removed: name,
/// e-mail, region, contacts, access code and link token; the case history's free text, escalation details and dispute
/// texts; conversation links, their bot state and transcripts; queued and sent messages (outbox). Reminders stop: the
/// open invoices are paused.
/// </summary>
public interface IDebtorErasureStore
{
    /// <summary>Erases <paramref name="debtorId"/>; false when there is no such debtor. Repeating it changes nothing more.</summary>
    Task<bool> EraseAsync(string debtorId, DateTimeOffset now, string actor, CancellationToken cancellationToken);
}
