using System.Buffers;

namespace Dunning.Bot.Hosting;

/// <summary>
/// Reads a whole body (a request, an upload part, a downloaded file) into memory, but never more than a limit: reading
/// stops as soon as the body passes it, whether or not a length was declared (chunked transfer, streams of unknown
/// length). A slow body is read as it comes; the caller's token (and Kestrel's minimum data rate) ends it.
/// </summary>
internal static class LimitedBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>
    /// The request body, or null when it is longer than <paramref name="max"/> bytes (refused from Content-Length
    /// before reading when the client declared one).
    /// </summary>
    public static Task<byte[]?> ReadAsync(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReadAsync(request.Body, max, cancellationToken, request.ContentLength);
    }

    /// <summary>
    /// <paramref name="body"/> to its end, or null once it passes <paramref name="max"/> bytes (the rest is left
    /// unread). <paramref name="declaredLength"/>, when known, refuses early and sizes the buffer.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long max, CancellationToken cancellationToken, long? declaredLength = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (declaredLength > max)
            return null;
        using var buffer = new MemoryStream(declaredLength is { } length and > 0 ? (int)length : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > max)
                    return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        // The usual case (a declared length that was right): the buffer is exactly full, hand it over without a copy.
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
