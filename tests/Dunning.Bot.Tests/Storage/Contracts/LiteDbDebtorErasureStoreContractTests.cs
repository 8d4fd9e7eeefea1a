namespace Dunning.Bot.Tests.Storage.Contracts;

public sealed class LiteDbDebtorErasureStoreContractTests() : DebtorErasureStoreContract(new LiteDbUnderTest());
