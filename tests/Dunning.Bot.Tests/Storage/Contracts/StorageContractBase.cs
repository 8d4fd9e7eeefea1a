using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// What every storage contract shares: the provider under test (given by the provider's subclass), its services opened
/// on first use as the host registers them, a fake clock, a restart (<see cref="Reopen"/>) that keeps the data, and a
/// second host on the same storage (<see cref="SecondHost"/>), so what a contract reads back has really been stored.
/// </summary>
public abstract class StorageContractBase(IStorageUnderTest storage) : IDisposable
{
    private readonly List<ServiceProvider> otherHosts = [];
    private ServiceProvider? services;

    /// <summary>The instant every contract starts at (a Monday morning, UTC); tests move it forward.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>The ports of this host (opened on first use).</summary>
    protected StoresUnderTest Storage => new(Services);

    private ServiceProvider Services => services ??= storage.Open(Clock);

    /// <summary>The port <typeparamref name="T"/> as the provider registers it.</summary>
    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Disposes the services and opens them again on the same storage: what survives a restart.</summary>
    protected void Reopen()
    {
        services?.Dispose();
        services = storage.Open(Clock);
    }

    /// <summary>
    /// The ports of another host on the same storage, running beside this one; for a provider that serves one process
    /// only (LiteDB) the other host is this one.
    /// </summary>
    protected StoresUnderTest SecondHost()
    {
        if (!storage.ServesSeveralHosts)
            return Storage;
        var other = storage.Open(Clock);
        otherHosts.Add(other);
        return new StoresUnderTest(other);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        foreach (var other in otherHosts)
            other.Dispose();
        services?.Dispose();
        storage.Dispose();
    }
}
