namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="TranscriptStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbTranscriptStoreContractTests() : TranscriptStoreContract(new LiteDbUnderTest());
