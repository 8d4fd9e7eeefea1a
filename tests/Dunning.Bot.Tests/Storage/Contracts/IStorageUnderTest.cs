using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// A storage provider as a contract test sees it: fresh, empty storage for one test. A provider's contract tests only
/// implement this (and derive from the contract with it); the contracts do the rest.
/// </summary>
public interface IStorageUnderTest : IDisposable
{
    /// <summary>
    /// True when several hosts may use the storage at once (PostgreSQL): <see cref="Open"/> may then be called again while
    /// the first services run. False for one process's file (LiteDB), whose "second host" is the first host's services.
    /// </summary>
    bool ServesSeveralHosts { get; }

    /// <summary>
    /// The provider's services (<c>AddDunningStorage</c> with this provider's settings, <paramref name="clock"/> as the
    /// <see cref="TimeProvider"/>) over this test's storage. Opened again after the first is disposed, it sees the same
    /// data: a restart of the host.
    /// </summary>
    ServiceProvider Open(TimeProvider clock);
}
