namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="AgreementStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbAgreementStoreContractTests : AgreementStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => Task.FromResult<StorageUnderTest>(new LiteDbStorageUnderTest());
}
