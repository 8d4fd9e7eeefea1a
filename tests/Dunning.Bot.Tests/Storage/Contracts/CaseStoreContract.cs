using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>Cases: the due sweep's queries (oldest first, by debtor in pages, counted), history kept, versioned saves.</summary>
public abstract class CaseStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private async Task CaseAsync(string debtorId, DateTimeOffset? next)
    {
        var dunningCase = new DunningCase { DebtorId = debtorId, NextActionAt = next };
        dunningCase.Advance("RE-" + debtorId, 2);
        dunningCase.Record(new CaseAction(Samples.Moment, "note", "Zusage am Telefon", InvoiceNumbers: ["RE-" + debtorId], Actor: "staff"));
        await Storage.Cases.SaveAsync(dunningCase, None);
    }

    [ContractFact]
    public async Task Due_cases_come_oldest_first_and_cases_without_a_next_action_never()
    {
        var now = Samples.Moment;
        await CaseAsync("D-late", now.AddTicks(1));
        await CaseAsync("D-none", null);
        await CaseAsync("D-2", now.AddHours(-1));
        await CaseAsync("D-1", now.AddHours(-2));
        await CaseAsync("D-now", now);

        Assert.Equal(["D-1", "D-2", "D-now"], (await Storage.Cases.ListDueAsync(now, 10, None)).Select(c => c.DebtorId));
        Assert.Equal(["D-1"], (await Storage.Cases.ListDueAsync(now, 1, None)).Select(c => c.DebtorId));
        Assert.Equal((3, 2, 5), (await Storage.Cases.CountAsync(now, 10, None), await Storage.Cases.CountAsync(now, 2, None), await Storage.Cases.CountAsync(null, 10, None)));
    }

    [ContractFact]
    public async Task Due_cases_page_by_debtor_id_in_ordinal_order()
    {
        foreach (var id in new[] { "b", "B", "a", "c", "A" })
            await CaseAsync(id, Samples.Moment);
        await CaseAsync("aa-not-due", Samples.Moment.AddDays(1));

        var first = await Storage.Cases.ListDueByDebtorAsync(Samples.Moment, null, 3, None);
        var next = await Storage.Cases.ListDueByDebtorAsync(Samples.Moment, first[^1].DebtorId, 3, None);

        Assert.Equal(["A", "B", "a"], first.Select(c => c.DebtorId));
        Assert.Equal(["b", "c"], next.Select(c => c.DebtorId));
    }

    [ContractFact]
    public async Task A_case_keeps_its_stages_and_history_and_refuses_a_stale_save()
    {
        await CaseAsync("D-1", Samples.Moment);
        var stale = (await SecondHost().Cases.FindAsync("D-1", None))!;
        await Storage.Cases.TouchAsync("D-1", Samples.Moment.AddHours(-1), None);

        Assert.Equal(2, stale.StageOf("RE-D-1"));
        Assert.Equal(("note", "Zusage am Telefon", "staff", "RE-D-1"), (stale.History[0].Kind, stale.History[0].Summary, stale.History[0].Actor, stale.History[0].InvoiceNumbers![0]));
        stale.NextActionAt = null;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Cases.SaveAsync(stale, None));
        Assert.Equal(Samples.Moment.AddHours(-1), (await Storage.Cases.FindAsync("D-1", None))!.NextActionAt);
        Assert.Equal(["D-1"], (await Storage.Cases.FindManyAsync(["D-1", "D-9"], None)).Select(c => c.DebtorId));
    }
}
