using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// What every storage contract shares: the provider under test (given by the provider's subclass), its services opened on
/// first use, a fake clock, and a restart (<see cref="Reopen"/>) that keeps the data.
/// </summary>
public abstract class StorageContractBase(IStorageUnderTest storage) : IDisposable
{
    private ServiceProvider? services;

    /// <summary>The instant every contract starts at (a Monday morning, UTC); tests move it forward.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>The port <typeparamref name="T"/> as the provider registers it.</summary>
    protected T Get<T>() where T : notnull => (services ??= storage.Open(Clock)).GetRequiredService<T>();

    /// <summary>Disposes the services and opens them again on the same storage: what survives a restart.</summary>
    protected void Reopen()
    {
        services?.Dispose();
        services = storage.Open(Clock);
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
        services?.Dispose();
        storage.Dispose();
    }
}
