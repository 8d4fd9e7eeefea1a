namespace Dunning.Bot.Tests.Storage.Contracts;

public sealed class LiteDbSigningKeyStoreContractTests() : SigningKeyStoreContract(new LiteDbUnderTest());
