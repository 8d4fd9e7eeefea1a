namespace Dunning.Bot.Uploads;

/// <summary>
/// A file a debtor sent with a message, as the channel adapter found it: its name and type as the client stated them
/// (shown, never trusted) and a way to read its content. Reading happens only when the bot keeps proof of payment.
/// </summary>
public abstract class IncomingFile(string? name, string? declaredType, long? declaredSize)
{
    public string? Name { get; } = name;

    public string? DeclaredType { get; } = declaredType;

    /// <summary>The size the channel announced before download (Telegram, Teams), if any.</summary>
    public long? DeclaredSize { get; } = declaredSize;

    /// <summary>The content, at most <paramref name="maxBytes"/> bytes; <see cref="FileRead.TooLarge"/> beyond, <see cref="FileRead.Unreadable"/> when the channel fails.</summary>
    public abstract Task<FileRead> ReadAsync(long maxBytes, CancellationToken cancellationToken);

    /// <summary>Reads <paramref name="source"/> to the end, stopping (TooLarge) once it passes <paramref name="maxBytes"/>.</summary>
    protected static async Task<FileRead> ReadCappedAsync(Stream source, long maxBytes, CancellationToken cancellationToken) =>
        await Hosting.LimitedBody.ReadAsync(source, maxBytes, cancellationToken).ConfigureAwait(false) is { } content ? FileRead.Of(content) : FileRead.TooLarge;
}
