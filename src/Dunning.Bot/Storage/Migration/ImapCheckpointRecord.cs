namespace Dunning.Bot.Storage.Migration;

/// <summary>An IMAP folder's checkpoint (<see cref="ChannelStateKeys.EmailCheckpoint"/>): its UIDVALIDITY and the last UID handled.</summary>
internal sealed record ImapCheckpointRecord(uint UidValidity, uint LastUid);
