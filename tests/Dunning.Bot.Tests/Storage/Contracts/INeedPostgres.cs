namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>Marks a contract subclass that runs on the private PostgreSQL cluster (see <see cref="ContractFactAttribute"/>).</summary>
public interface INeedPostgres;
