using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Privacy;

/// <summary>
/// What erasing a debtor does to each entity, the same with every storage (see <see cref="IDebtorErasureStore"/>): the
/// storage reads the debtor's entities in its transaction, passes them through here and writes them back with their
/// version check.
/// </summary>
public static class DebtorErasureRules
{
    /// <summary>What the case history says after an erasure (it is the only entry with text).</summary>
    public const string ErasedKind = "erased";

    /// <summary>Replaces name, contacts and region with a pseudonym and gives new secrets (an access code not <paramref name="taken"/>).</summary>
    public static void Pseudonymize(Debtor debtor, Func<string, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(taken);
        debtor.Name = $"Erased debtor {Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";
        debtor.Email = null;
        debtor.State = null;
        debtor.Street = debtor.PostalCode = debtor.City = null;
        debtor.Contacts.Clear();
        debtor.LinkToken = DebtorSecrets.NewLinkToken();
        do
            debtor.AccessCode = DebtorSecrets.NewAccessCode();
        while (taken(debtor.AccessCode));
    }

    /// <summary>Keeps the books (lines, payments, amounts), drops the texts that may describe the debtor, pauses an open invoice.</summary>
    public static void EraseInvoice(Invoice invoice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        invoice.Dispute = invoice.Dispute is null ? null : "(erased)";
        // The owner's write-off reasons may describe the debtor's situation; the amounts stay for the books.
        var writeOffs = invoice.WriteOffs.Select(w => w with { Reason = "(erased)" }).ToList();
        invoice.WriteOffs.Clear();
        invoice.WriteOffs.AddRange(writeOffs);
        if (invoice.SettledOn is null && invoice.WrittenOffAt is null)
            invoice.Pause = new DunningPause("Personal data erased", null, invoice.Pause?.Since ?? now);
    }

    /// <summary>Keeps the kinds and times of the case history without their text, records the erasure and stops the reminders.</summary>
    public static void EraseCase(DunningCase dunningCase, DateTimeOffset now, string actor)
    {
        ArgumentNullException.ThrowIfNull(dunningCase);
        var history = dunningCase.History.Select(a => a.Kind == ErasedKind ? a : a with { Summary = "" }).ToList();
        dunningCase.History.Clear();
        dunningCase.History.AddRange(history);
        dunningCase.Record(new CaseAction(now, ErasedKind, "Personal data and conversations erased; bookkeeping kept.", Actor: actor));
        dunningCase.NextActionAt = null;
    }

    /// <summary>The escalation without its detail and conversation; an open one is resolved (nobody can answer an erased debtor).</summary>
    public static Escalation EraseEscalation(Escalation escalation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        var open = escalation.State != EscalationState.Resolved;
        return new Escalation
        {
            Id = escalation.Id,
            DebtorId = escalation.DebtorId,
            Reason = escalation.Reason,
            Priority = escalation.Priority,
            State = EscalationState.Resolved,
            RaisedAt = escalation.RaisedAt,
            RespondBy = escalation.RespondBy,
            Detail = null,
            InvoiceNumbers = escalation.InvoiceNumbers,
            ConversationKey = null,
            AssignedTo = escalation.AssignedTo,
            ClosedAt = open ? now : escalation.ClosedAt,
            Version = escalation.Version,
        };
    }
}
