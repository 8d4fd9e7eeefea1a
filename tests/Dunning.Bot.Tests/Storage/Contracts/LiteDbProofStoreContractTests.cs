namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="ProofStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbProofStoreContractTests() : ProofStoreContract(new LiteDbUnderTest());
