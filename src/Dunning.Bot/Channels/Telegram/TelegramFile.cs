using Dunning.Bot.Uploads;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// A photo or document a debtor sent on Telegram: fetched only when the bot keeps it, with <c>getFile</c> and the Bot API's
/// file download (bots may fetch files up to 20 MB), stopped as soon as it passes the size limit.
/// </summary>
internal sealed class TelegramFile(ITelegramBotClient client, FileBase file, string name, string declaredType, TimeSpan timeout, ILogger logger)
    : IncomingFile(name, declaredType, file.FileSize)
{
    /// <summary>The files of a message: its document, or the largest size of its photo (Telegram sends each photo in several sizes).</summary>
    public static IReadOnlyList<IncomingFile> Of(Message message, ITelegramBotClient client, TimeSpan timeout, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Document is { } document)
            return [new TelegramFile(client, document, document.FileName ?? "document", document.MimeType ?? "application/octet-stream", timeout, logger)];
        if (message.Photo is { Length: > 0 } sizes)
            return [new TelegramFile(client, sizes.MaxBy(p => (long)p.Width * p.Height)!, "photo.jpg", "image/jpeg", timeout, logger)];
        return [];
    }

    public override async Task<FileRead> ReadAsync(long maxBytes, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var info = await client.GetFile(file.FileId, limit.Token).ConfigureAwait(false);
            if (info.FileSize > maxBytes)
                return FileRead.TooLarge;
            if (string.IsNullOrEmpty(info.FilePath))
                return FileRead.Unreadable;
            using var content = new CappedStream(maxBytes);
            await client.DownloadFile(info.FilePath, content, limit.Token).ConfigureAwait(false);
            return FileRead.Of(content.ToArray());
        }
        catch (CappedStream.LimitPassedException)
        {
            return FileRead.TooLarge;
        }
        catch (Exception ex) when (ex is ApiRequestException or RequestException or HttpRequestException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Could not fetch a Telegram file the debtor sent");
            return FileRead.Unreadable;
        }
    }

    /// <summary>A memory stream that refuses to grow past its limit (the download stops there).</summary>
    private sealed class CappedStream(long limit) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > limit)
                throw new LimitPassedException();
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > limit)
                throw new LimitPassedException();
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public sealed class LimitPassedException : IOException;
    }
}
