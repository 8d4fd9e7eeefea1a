namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="EscalationStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbEscalationStoreContractTests() : EscalationStoreContract(new LiteDbUnderTest());
