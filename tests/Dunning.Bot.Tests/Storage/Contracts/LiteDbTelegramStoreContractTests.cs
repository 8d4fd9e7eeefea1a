namespace Dunning.Bot.Tests.Storage.Contracts;

public sealed class LiteDbTelegramStoreContractTests() : TelegramStoreContract(new LiteDbUnderTest());
