namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="ConversationStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbConversationStoreContractTests() : ConversationStoreContract(new LiteDbUnderTest());
