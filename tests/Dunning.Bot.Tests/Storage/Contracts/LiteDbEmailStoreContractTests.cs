namespace Dunning.Bot.Tests.Storage.Contracts;

public sealed class LiteDbEmailStoreContractTests() : EmailStoreContract(new LiteDbUnderTest());
