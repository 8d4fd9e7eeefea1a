namespace Dunning.Bot.Core.Messages;

/// <summary>A dialog asked for a message or button the catalogue does not have in that language.</summary>
public sealed class MessageKeyNotFoundException(string message) : KeyNotFoundException(message);
