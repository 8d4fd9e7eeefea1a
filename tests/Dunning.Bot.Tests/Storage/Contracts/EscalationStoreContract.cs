using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>Escalations: open ones most urgent first, by debtor, versioned saves.</summary>
public abstract class EscalationStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private static Escalation Escalation(string id, string debtorId, EscalationPriority priority, int minutes) => new()
    {
        Id = id, DebtorId = debtorId, Reason = EscalationReason.Dispute, Priority = priority, RaisedAt = Samples.Moment.AddMinutes(minutes),
        Detail = "Rechnung unklar", InvoiceNumbers = ["RE-1"], ConversationKey = "webchat/c-1",
    };

    [ContractFact]
    public async Task Open_escalations_come_most_urgent_then_oldest_first_and_resolved_ones_not_at_all()
    {
        await Storage.Escalations.SaveAsync(Escalation("E-1", "D-1", EscalationPriority.Normal, 0), None);
        await Storage.Escalations.SaveAsync(Escalation("E-2", "D-2", EscalationPriority.Urgent, 5), None);
        await Storage.Escalations.SaveAsync(Escalation("E-3", "D-1", EscalationPriority.Urgent, 1), None);
        var resolved = Escalation("E-4", "D-1", EscalationPriority.Urgent, 0);
        resolved.State = EscalationState.Resolved;
        await Storage.Escalations.SaveAsync(resolved, None);

        Assert.Equal(["E-3", "E-2", "E-1"], (await SecondHost().Escalations.ListOpenAsync(None)).Select(e => e.Id));
        Assert.Equal(["E-1", "E-3", "E-4"], (await Storage.Escalations.ListByDebtorAsync("D-1", None)).Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task An_escalation_keeps_every_field_and_refuses_a_stale_save()
    {
        await Storage.Escalations.SaveAsync(Escalation("E-1", "D-1", EscalationPriority.High, 0), None);
        var stale = (await Storage.Escalations.FindAsync("E-1", None))!;
        var fresh = (await Storage.Escalations.FindAsync("E-1", None))!;
        fresh.AssignedTo = "anna";
        await Storage.Escalations.SaveAsync(fresh, None);

        Assert.Equal((EscalationReason.Dispute, "Rechnung unklar", "webchat/c-1", "RE-1", Samples.Moment), (stale.Reason, stale.Detail, stale.ConversationKey, stale.InvoiceNumbers[0], stale.RaisedAt));
        stale.State = EscalationState.Resolved;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Escalations.SaveAsync(stale, None));
        Assert.Equal(("anna", EscalationState.Open, 2), ((await Storage.Escalations.FindAsync("E-1", None))!.AssignedTo, (await Storage.Escalations.FindAsync("E-1", None))!.State, fresh.Version));
    }
}
