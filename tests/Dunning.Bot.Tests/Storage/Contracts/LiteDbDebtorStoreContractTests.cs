namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="DebtorStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbDebtorStoreContractTests() : DebtorStoreContract(new LiteDbUnderTest());
