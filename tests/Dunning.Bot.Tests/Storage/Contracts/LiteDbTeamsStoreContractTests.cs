namespace Dunning.Bot.Tests.Storage.Contracts;

public sealed class LiteDbTeamsStoreContractTests() : TeamsStoreContract(new LiteDbUnderTest());
