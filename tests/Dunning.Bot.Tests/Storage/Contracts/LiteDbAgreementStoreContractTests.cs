namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="AgreementStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbAgreementStoreContractTests() : AgreementStoreContract(new LiteDbUnderTest());
