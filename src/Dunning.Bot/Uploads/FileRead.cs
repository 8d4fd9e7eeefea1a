namespace Dunning.Bot.Uploads;

/// <summary>What reading an <see cref="IncomingFile"/> gave: its bytes, or why not.</summary>
public readonly record struct FileRead(byte[]? Content, bool IsTooLarge)
{
    public static FileRead TooLarge => new(null, true);

    public static FileRead Unreadable => new(null, false);

    public static FileRead Of(byte[] content) => new(content, false);
}
