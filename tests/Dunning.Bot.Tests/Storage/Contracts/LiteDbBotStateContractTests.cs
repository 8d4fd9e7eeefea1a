namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="BotStateContract"/> on LiteDB.</summary>
public sealed class LiteDbBotStateContractTests() : BotStateContract(new LiteDbUnderTest());
