namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="InvoiceStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbInvoiceStoreContractTests : InvoiceStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => Task.FromResult<StorageUnderTest>(new LiteDbStorageUnderTest());
}
