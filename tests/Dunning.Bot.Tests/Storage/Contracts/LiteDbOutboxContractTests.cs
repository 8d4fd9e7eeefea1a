namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="OutboxContract"/> on LiteDB.</summary>
public sealed class LiteDbOutboxContractTests() : OutboxContract(new LiteDbUnderTest());
