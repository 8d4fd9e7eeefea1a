using Dunning.Bot.Core.Domain;
using Dunning.Bot.Privacy;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary><see cref="IDebtorErasureStore"/> in one LiteDB transaction.</summary>
public sealed class LiteDebtorErasure(LiteDbContext context, LiteConversationPurge purge) : IDebtorErasureStore
{
    /// <summary>What the case history says after an erasure (it is the only entry with text).</summary>
    public const string ErasedKind = DebtorErasureRules.ErasedKind;

    private LiteDatabase Database => context.Database;

    /// <summary>Erases <paramref name="debtorId"/>; false when there is no such debtor. Repeating it changes nothing more.</summary>
    public Task<bool> EraseAsync(string debtorId, DateTimeOffset now, string actor, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var erased = false;
        VersionedWrites.InTransaction(Database, () =>
        {
            var debtors = context.Collection(LiteDbContext.Debtors);
            if (debtors.FindById(debtorId) is not { } document)
                return;
            erased = true;
            var debtor = DebtorDocument.FromBson(document);
            DebtorErasureRules.Pseudonymize(debtor, code => debtors.Exists(Queries.Eq("AccessCode", code)));
            VersionedWrites.Write(debtors, DebtorDocument.ToBson(debtor), debtor.Version);
            EraseInvoices(debtorId, now);
            EraseCase(debtorId, now, actor);
            EraseEscalations(debtorId, now);
            purge.PurgeDebtor(debtorId);
            context.Collection(LiteOutbox.Collection).DeleteMany(Queries.Eq("DebtorId", debtorId));
            LiteEmailStore.EraseDebtor(Database, debtorId);
        });
        return Task.FromResult(erased);
    }

    private void EraseInvoices(string debtorId, DateTimeOffset now)
    {
        var invoices = context.Collection(LiteDbContext.Invoices);
        foreach (var invoice in invoices.Find(Queries.Eq("DebtorId", debtorId)).Select(InvoiceDocument.FromBson).ToList())
        {
            DebtorErasureRules.EraseInvoice(invoice, now);
            VersionedWrites.Write(invoices, InvoiceDocument.ToBson(invoice), invoice.Version);
        }
    }

    private void EraseCase(string debtorId, DateTimeOffset now, string actor)
    {
        var cases = context.Collection(LiteDbContext.Cases);
        if (cases.FindById(debtorId) is not { } document)
            return;
        var dunningCase = CaseDocument.FromBson(document);
        DebtorErasureRules.EraseCase(dunningCase, now, actor);
        VersionedWrites.Write(cases, CaseDocument.ToBson(dunningCase), dunningCase.Version);
    }

    private void EraseEscalations(string debtorId, DateTimeOffset now)
    {
        var escalations = context.Collection(LiteDbContext.Escalations);
        foreach (var document in escalations.Find(Queries.Eq("DebtorId", debtorId)).ToList())
        {
            var escalation = EscalationDocument.FromBson(document);
            document["Detail"] = BsonValue.Null;
            document["ConversationKey"] = BsonValue.Null;
            // Nobody can answer an erased debtor any more: open escalations leave the inbox.
            if (escalation.State != EscalationState.Resolved)
            {
                document["State"] = BsonValues.From(EscalationState.Resolved);
                document["ClosedAt"] = BsonValues.From((DateTimeOffset?)now);
            }
            VersionedWrites.Write(escalations, document, document["Version"].AsInt32);
        }
    }}
