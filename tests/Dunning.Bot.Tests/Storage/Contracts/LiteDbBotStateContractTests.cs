namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="BotStateContract"/> on LiteDB.</summary>
public sealed class LiteDbBotStateContractTests : BotStateContract
{
    protected override Task<StorageUnderTest> OpenAsync() => Task.FromResult<StorageUnderTest>(new LiteDbStorageUnderTest());
}
