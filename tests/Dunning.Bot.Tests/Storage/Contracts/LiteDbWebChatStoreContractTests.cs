namespace Dunning.Bot.Tests.Storage.Contracts;

public sealed class LiteDbWebChatStoreContractTests() : WebChatStoreContract(new LiteDbUnderTest());
