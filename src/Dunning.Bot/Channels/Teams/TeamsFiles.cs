using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// The files of a Teams message (the app declares <c>supportsFiles</c>): a file from OneDrive/SharePoint arrives as an
/// attachment of type <c>application/vnd.microsoft.teams.file.download.info</c> whose content has a pre-authorized
/// <c>downloadUrl</c> (https); an image pasted into the message arrives as <c>image/*</c> whose <c>contentUrl</c> lies on
/// the Bot Connector and needs the bot's connector token — which is only ever sent to the activity's own, trusted
/// serviceUrl. The message body Teams adds as <c>text/html</c>, and cards, are no files. Nothing is fetched here.
/// </summary>
public sealed class TeamsFiles(TrustedServiceUrls trusted, IBotConnectorTokenProvider tokens, IHttpClientFactory clients,
    IOptions<UploadOptions> uploads, ILogger<TeamsFiles> logger)
{
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    public IReadOnlyList<IncomingFile> Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var files = new List<IncomingFile>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (string.Equals(attachment.ContentType, FileDownloadInfo, StringComparison.OrdinalIgnoreCase))
            {
                if (DownloadUrl(attachment) is { } url)
                    files.Add(Download(attachment.Name, null, url, bearer: null));
                else
                    logger.LogWarning("A Teams file attachment without an https downloadUrl was ignored");
            }
            else if (attachment.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)
            {
                if (ConnectorUrl(activity, attachment.ContentUrl) is { } url)
                    files.Add(Download(attachment.Name ?? "image", attachment.ContentType, url, tokens.GetTokenAsync));
                else
                    logger.LogWarning("A Teams inline image outside the conversation's service URL was ignored");
            }
        }
        return files;
    }

    private DownloadedFile Download(string? name, string? type, Uri url, Func<CancellationToken, Task<string?>>? bearer) =>
        new(name, type, url, bearer, clients, uploads.Value.DownloadTimeout, logger);

    /// <summary>The file's downloadUrl when it is https (or http on this machine, for local testing).</summary>
    private static Uri? DownloadUrl(Attachment attachment) =>
        attachment.Content is { ValueKind: JsonValueKind.Object } content
        && content.TryGetProperty("downloadUrl", out var value) && value.ValueKind == JsonValueKind.String
        && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var url) && string.IsNullOrEmpty(url.UserInfo)
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            ? url
            : null;

    /// <summary>An inline image's URL, only when it lies under the activity's trusted serviceUrl (the token goes nowhere else).</summary>
    private Uri? ConnectorUrl(Activity activity, string? contentUrl)
    {
        if (!trusted.IsTrusted(activity.ServiceUrl) || TrustedServiceUrls.Normalize(activity.ServiceUrl) is not { } service
            || !Uri.TryCreate(contentUrl, UriKind.Absolute, out var url) || !string.IsNullOrEmpty(url.UserInfo))
            return null;
        var root = new Uri(service);
        return url.Scheme == root.Scheme && string.Equals(url.Authority, root.Authority, StringComparison.OrdinalIgnoreCase)
            && url.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal)
            ? url
            : null;
    }
}
