namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="OutboxContract"/> on LiteDB.</summary>
public sealed class LiteDbOutboxContractTests : OutboxContract
{
    protected override Task<StorageUnderTest> OpenAsync() => Task.FromResult<StorageUnderTest>(new LiteDbStorageUnderTest());
}
