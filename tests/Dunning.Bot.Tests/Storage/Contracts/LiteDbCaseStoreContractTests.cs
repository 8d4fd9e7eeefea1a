namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="CaseStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbCaseStoreContractTests() : CaseStoreContract(new LiteDbUnderTest());
