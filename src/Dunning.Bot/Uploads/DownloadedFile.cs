using System.Net.Http.Headers;

namespace Dunning.Bot.Uploads;

/// <summary>
/// A file the channel hands over as a link (Teams: a file's <c>downloadUrl</c>, an inline image's <c>contentUrl</c>,
/// which needs the bot's connector token). Fetched once, with a time limit, never following a redirect to another scheme,
/// and read no further than the size limit.
/// </summary>
public sealed class DownloadedFile(string? name, string? declaredType, Uri url, Func<CancellationToken, Task<string?>>? bearer,
    IHttpClientFactory clients, TimeSpan timeout, ILogger logger)
    : IncomingFile(name, declaredType, null)
{
    public const string HttpClientName = "uploads";

    public Uri Url { get; } = url;

    public override async Task<FileRead> ReadAsync(long maxBytes, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Url);
            if (bearer is not null && await bearer(limit.Token).ConfigureAwait(false) is { } token)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Downloading an uploaded file from {Host} answered {Status}", Url.Host, (int)response.StatusCode);
                return FileRead.Unreadable;
            }
            if (response.Content.Headers.ContentLength > maxBytes)
                return FileRead.TooLarge;
            await using var stream = await response.Content.ReadAsStreamAsync(limit.Token).ConfigureAwait(false);
            return await ReadCappedAsync(stream, maxBytes, limit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Downloading an uploaded file from {Host} failed", Url.Host);
            return FileRead.Unreadable;
        }
    }
}
