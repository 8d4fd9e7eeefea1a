namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="InvoiceStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbInvoiceStoreContractTests() : InvoiceStoreContract(new LiteDbUnderTest());
