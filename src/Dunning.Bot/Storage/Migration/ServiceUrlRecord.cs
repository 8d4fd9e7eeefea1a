namespace Dunning.Bot.Storage.Migration;

/// <summary>A Teams service URL the bot has seen (id: the URL): copied, so proactive messages to Teams keep working after the move.</summary>
internal sealed record ServiceUrlRecord(DateTimeOffset FirstSeen);
