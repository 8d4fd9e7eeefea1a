namespace Dunning.Bot.Tests.Storage.Contracts;

public sealed class LiteDbConversationPurgeContractTests() : ConversationPurgeContract(new LiteDbUnderTest());
