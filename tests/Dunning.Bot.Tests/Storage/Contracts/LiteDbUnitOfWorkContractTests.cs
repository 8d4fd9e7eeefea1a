namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="UnitOfWorkContract"/> on LiteDB.</summary>
public sealed class LiteDbUnitOfWorkContractTests() : UnitOfWorkContract(new LiteDbUnderTest());
