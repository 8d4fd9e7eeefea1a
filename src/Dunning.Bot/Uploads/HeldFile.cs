namespace Dunning.Bot.Uploads;

/// <summary>
/// A file whose content arrived with the message itself (a web chat upload, an e-mail attachment), held in memory for
/// the turn. <paramref name="content"/> is null when the adapter already found it larger than it reads.
/// </summary>
public sealed class HeldFile(string? name, string? declaredType, byte[]? content, long size)
    : IncomingFile(name, declaredType, size)
{
    public override Task<FileRead> ReadAsync(long maxBytes, CancellationToken cancellationToken) =>
        Task.FromResult(content is null || content.LongLength > maxBytes ? FileRead.TooLarge : FileRead.Of(content));
}
