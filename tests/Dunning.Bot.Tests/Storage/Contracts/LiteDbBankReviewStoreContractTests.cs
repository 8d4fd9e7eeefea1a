namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="BankReviewStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbBankReviewStoreContractTests() : BankReviewStoreContract(new LiteDbUnderTest());
