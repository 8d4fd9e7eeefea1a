using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Intake;

public sealed partial class InvoiceImporter
{
    private async Task<ImportPlan> PlanAsync(ParsedInvoiceFile parsed, CancellationToken cancellationToken)
    {
        var plan = new ImportPlan();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var storedInvoices = (await invoices.FindManyAsync([.. parsed.Invoices.Select(i => i.Invoice.Number)], cancellationToken))
            .ToDictionary(i => i.Number, StringComparer.Ordinal);
        foreach (var item in parsed.Invoices)
        {
            var invoice = item.Invoice;
            var existing = storedInvoices.GetValueOrDefault(invoice.Number);
            if (existing is null)
            {
                plan.Invoices.Add(invoice);
                plan.InvoicesCreated++;
                touched.Add(invoice.DebtorId);
                continue;
            }
            if (existing.Currency != invoice.Currency && existing.Payments.Count > 0)
            {
                plan.Problems.Add(new ImportProblem(item.FirstRow, CsvColumns.Currency,
                    $"invoice {invoice.Number} is stored in {existing.Currency} and has payments; its currency cannot change."));
                plan.RowsSkipped += item.RowCount;
                continue;
            }
            CarryOver(existing, invoice, parsed);
            if (SameContent(existing, invoice))
            {
                plan.InvoicesUnchanged++;
                continue;
            }
            plan.Invoices.Add(invoice);
            plan.InvoicesUpdated++;
            touched.Add(invoice.DebtorId);
        }

        var wanted = parsed.Invoices.Select(i => i.Invoice.DebtorId).ToHashSet(StringComparer.Ordinal);
        var drafts = parsed.Debtors.Values.Where(d => wanted.Contains(d.Id)).ToList();
        plan.DebtorIds.AddRange(wanted.Order(StringComparer.Ordinal));
        var storedDebtors = (await debtors.FindManyAsync([.. drafts.Select(d => d.Id)], cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var codes = new Queue<string>(await NewAccessCodesAsync(drafts.Count(d => !storedDebtors.ContainsKey(d.Id)), cancellationToken));
        foreach (var draft in drafts)
        {
            var existing = storedDebtors.GetValueOrDefault(draft.Id);
            if (existing is null)
            {
                plan.Debtors.Add(Apply(draft, new Debtor { Id = draft.Id, Name = draft.Name, AccessCode = codes.Dequeue(), LinkToken = DebtorSecrets.NewLinkToken() }));
                plan.DebtorsCreated++;
                plan.NewDebtorIds.Add(draft.Id);
                touched.Add(draft.Id);
            }
            else if (Changes(draft, existing))
            {
                plan.Debtors.Add(Apply(draft, existing));
                plan.DebtorsUpdated++;
            }
        }

        var now = time.GetUtcNow();
        var storedCases = (await cases.FindManyAsync(touched, cancellationToken)).ToDictionary(c => c.DebtorId, StringComparer.Ordinal);
        foreach (var debtorId in touched)
        {
            var dunningCase = storedCases.GetValueOrDefault(debtorId);
            if (dunningCase is null)
            {
                plan.Cases.Add(new DunningCase { DebtorId = debtorId, NextActionAt = now });
                plan.CasesCreated++;
            }
            else if (dunningCase.NextActionAt is null)
            {
                // New or changed invoices: let the sweep look at the case again.
                dunningCase.NextActionAt = now;
                plan.Cases.Add(dunningCase);
            }
        }
        return plan;
    }

    /// <summary>
    /// What the file does not say stays as stored: payments, write-offs, credit notes, pause, dispute, the settlement (unless
    /// the total grew, which opens the claim again), the default terms left blank, and link and lines without their columns.
    /// </summary>
    private static void CarryOver(Invoice existing, Invoice imported, ParsedInvoiceFile parsed)
    {
        imported.Payments.AddRange(existing.Payments);
        imported.Reversals.AddRange(existing.Reversals);
        imported.WriteOffs.AddRange(existing.WriteOffs);
        imported.CreditNotes.AddRange(existing.CreditNotes);
        imported.RestoreSettlement(imported.Total <= existing.Total ? existing.SettledOn : null);
        imported.DueDateAgreed ??= existing.DueDateAgreed;
        imported.DefaultNotice ??= existing.DefaultNotice;
        imported.Dispute = existing.Dispute;
        imported.Pause = existing.Pause;
        imported.WrittenOffAt = existing.WrittenOffAt;
        imported.Version = existing.Version;
        if (!parsed.HasDocumentLinkColumn)
            imported.DocumentLink = existing.DocumentLink;
        if (!parsed.HasLineColumns && existing.Lines.Count > 0 && existing.Lines.Sum(l => l.Gross) == imported.Total)
            imported.Lines.AddRange(existing.Lines);
    }

    private static bool SameContent(Invoice a, Invoice b) =>
        a.DebtorId == b.DebtorId && a.IssueDate == b.IssueDate && a.DueDate == b.DueDate && a.Currency == b.Currency
        && a.Total == b.Total && a.DocumentLink == b.DocumentLink && a.Lines.SequenceEqual(b.Lines)
        && a.DueDateAgreed == b.DueDateAgreed && a.DefaultNotice == b.DefaultNotice;

    private static bool Changes(DebtorDraft draft, Debtor debtor) =>
        draft.Name != debtor.Name || (draft.Kind is { } k && k != debtor.Kind) || (draft.Language is { } l && l != debtor.Language)
        || (draft.TimeZone is { } z && z != debtor.TimeZone) || (draft.Country is { } c && c != debtor.Country)
        || (draft.State is { } s && s != debtor.State) || (draft.Email is { } e && e != debtor.Email)
        || (draft.ContactPerson is { } p && p != debtor.ContactPerson) || (draft.Salutation is { } a && a != debtor.Salutation)
        || (draft.PreferredChannel is { } ch && ch != debtor.PreferredChannel) || (draft.AlsoByEmail is { } also && also != debtor.AlsoByEmail)
        || (draft.Street is { } street && street != debtor.Street) || (draft.PostalCode is { } zip && zip != debtor.PostalCode)
        || (draft.City is { } city && city != debtor.City);

    private static Debtor Apply(DebtorDraft draft, Debtor debtor)
    {
        debtor.Update(draft.Name, draft.Kind, draft.Language, draft.TimeZone, draft.Country, draft.State, draft.Email);
        debtor.ContactPerson = draft.ContactPerson ?? debtor.ContactPerson;
        debtor.Salutation = draft.Salutation ?? debtor.Salutation;
        debtor.PreferredChannel = draft.PreferredChannel ?? debtor.PreferredChannel;
        debtor.AlsoByEmail = draft.AlsoByEmail ?? debtor.AlsoByEmail;
        debtor.Street = draft.Street ?? debtor.Street;
        debtor.PostalCode = draft.PostalCode ?? debtor.PostalCode;
        debtor.City = draft.City ?? debtor.City;
        return debtor;
    }

    /// <summary>Distinct fresh access codes that no stored debtor has; clashes (about 1 in 40 million per pair) are redrawn.</summary>
    private async Task<IReadOnlyCollection<string>> NewAccessCodesAsync(int count, CancellationToken cancellationToken)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < count)
        {
            var fresh = new HashSet<string>(StringComparer.Ordinal);
            while (fresh.Count < count - codes.Count)
            {
                var code = DebtorSecrets.NewAccessCode();
                if (!codes.Contains(code))
                    fresh.Add(code);
            }
            fresh.ExceptWith(await debtors.AccessCodesInUseAsync(fresh, cancellationToken));
            codes.UnionWith(fresh);
        }
        return codes;
    }
}
