namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="PayerAccountStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbPayerAccountStoreContractTests() : PayerAccountStoreContract(new LiteDbUnderTest());
