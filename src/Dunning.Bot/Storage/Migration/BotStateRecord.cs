namespace Dunning.Bot.Storage.Migration;

/// <summary>The engine's state under one key as the migration copies it: the eTag stays, so a running dialog continues.</summary>
internal sealed record BotStateRecord(string ETag, byte[] Data);
