namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="PayerAccountStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbPayerAccountStoreContractTests : PayerAccountStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => Task.FromResult<StorageUnderTest>(new LiteDbStorageUnderTest());
}
