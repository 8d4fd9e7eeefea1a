using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>Payment agreements: state and decision kept, listed by debtor and by state, versioned saves.</summary>
public abstract class AgreementStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private static PaymentAgreement Agreement(string id, string debtorId) => new()
    {
        Id = id, DebtorId = debtorId, Kind = AgreementKind.InstalmentPlan, InvoiceNumbers = ["RE-1", "RE-2"], Currency = "EUR",
        Schedule = [new Instalment(new DateOnly(2026, 12, 1), 50.05m), new Instalment(new DateOnly(2027, 1, 1), 49.95m)],
        DiscountPercent = 2.5m, CreatedAt = Samples.Moment,
    };

    [ContractFact]
    public async Task An_agreement_comes_back_with_its_schedule_state_and_decision()
    {
        var agreement = Agreement("A-1", "D-1");
        agreement.Agree(Samples.Moment.AddMinutes(1), "bot");
        await Storage.Agreements.SaveAsync(agreement, None);

        var loaded = (await SecondHost().Agreements.FindAsync("A-1", None))!;

        Assert.Equal((AgreementState.Active, Samples.Moment.AddMinutes(1), "bot", 2.5m, 100.00m, 1),
            (loaded.State, loaded.DecidedAt!.Value, loaded.DecidedBy, loaded.DiscountPercent!.Value, loaded.Amount, loaded.Version));
        Assert.Equal(agreement.Schedule, loaded.Schedule);
        Assert.Equal(["RE-1", "RE-2"], loaded.InvoiceNumbers);
    }

    [ContractFact]
    public async Task Agreements_are_listed_by_debtor_and_by_state_and_stale_saves_refused()
    {
        var active = Agreement("A-1", "D-1");
        active.Agree(Samples.Moment, "bot");
        await Storage.Agreements.SaveAsync(active, None);
        await Storage.Agreements.SaveAsync(Agreement("A-2", "D-1"), None);
        await Storage.Agreements.SaveAsync(Agreement("A-3", "D-2"), None);

        Assert.Equal(["A-1", "A-2"], (await Storage.Agreements.ListByDebtorAsync("D-1", None)).Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["A-1"], (await Storage.Agreements.ListByStateAsync(AgreementState.Active, None)).Select(a => a.Id));
        var stale = (await Storage.Agreements.FindAsync("A-2", None))!;
        var fresh = (await Storage.Agreements.FindAsync("A-2", None))!;
        fresh.Breaks = 1;
        await Storage.Agreements.SaveAsync(fresh, None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Agreements.SaveAsync(stale, None));
    }
}
