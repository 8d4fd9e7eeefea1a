namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// The base of every storage contract: each test gets a fresh, empty <see cref="StorageUnderTest"/> of the provider the
/// subclass names; the same assertions then run on every provider.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private readonly List<StorageUnderTest> opened = [];

    protected static CancellationToken None => CancellationToken.None;

    protected StorageUnderTest Storage { get; private set; } = null!;

    /// <summary>A fresh, empty database of the provider under test.</summary>
    protected abstract Task<StorageUnderTest> OpenAsync();

    /// <summary>The stores of a second host on the same database.</summary>
    protected StorageUnderTest SecondHost()
    {
        var second = Storage.Reopen();
        opened.Add(second);
        return second;
    }

    public async Task InitializeAsync() => Storage = await OpenAsync();

    public async Task DisposeAsync()
    {
        foreach (var other in opened)
            await other.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
