using Xunit.Sdk;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// A fact of a storage contract. It runs on every provider's subclass; on a subclass that needs PostgreSQL
/// (<see cref="INeedPostgres"/>) it is skipped with the install command when PostgreSQL's binaries are missing — except
/// in CI (CI=true), where it runs and fails, as <see cref="Infrastructure.PostgresFactAttribute"/> does.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Dunning.Bot.Tests.Storage.Contracts.ContractFactDiscoverer", "Dunning.Bot.Tests")]
public sealed class ContractFactAttribute : FactAttribute;
