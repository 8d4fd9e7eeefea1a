using Dunning.Bot.Core.Domain;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// Fetches the invoice document the owner provided (<see cref="Invoice.DocumentLink"/>) for a reminder e-mail: a file
/// under <see cref="EmailOptions.InvoiceFolder"/> (a path that leaves the folder, also through a symbolic link, is
/// refused) or an http(s) link fetched within <see cref="EmailOptions.AttachmentTimeoutSeconds"/>; anything above
/// <see cref="EmailOptions.MaxAttachmentBytes"/> is left off. Never throws for a bad document: the answer says why it
/// is missing, and the reminder goes out without it.
/// </summary>
public sealed class InvoiceDocuments(IOptions<EmailOptions> options, IHttpClientFactory clients, ILogger<InvoiceDocuments> logger)
{
    /// <summary>The named HttpClient that fetches http(s) documents.</summary>
    public const string ClientName = "invoice-documents";

    private EmailOptions Options => options.Value;

    /// <summary>The document of <paramref name="invoice"/>, null when it has none, or the reason it cannot be attached.</summary>
    public async Task<InvoiceDocument?> FetchAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var link = invoice.DocumentLink?.Trim();
        if (string.IsNullOrEmpty(link))
            return null;
        try
        {
            return Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? await DownloadAsync(invoice.Number, uri, cancellationToken).ConfigureAwait(false)
                : await ReadFileAsync(invoice.Number, link, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The document of invoice {Number} could not be fetched: {Message}", invoice.Number, ex.Message);
            return InvoiceDocument.Missing(invoice.Number, ex is TaskCanceledException ? "timed out" : ex.Message);
        }
    }

    private async Task<InvoiceDocument> ReadFileAsync(string number, string link, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Options.InvoiceFolder))
            return InvoiceDocument.Missing(number, "a file path, but Email:InvoiceFolder is not set");
        if (Uri.TryCreate(link, UriKind.Absolute, out var other) && !other.IsFile)
            return InvoiceDocument.Missing(number, $"the scheme '{other.Scheme}' is not allowed (http, https or a file under Email:InvoiceFolder)");
        var folder = Path.GetFullPath(Options.InvoiceFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(folder, link));
        var file = new FileInfo(path);
        var target = file.Exists && file.LinkTarget is not null ? file.ResolveLinkTarget(returnFinalTarget: true)?.FullName : path;
        if (!path.StartsWith(folder, StringComparison.Ordinal) || target is null || !Path.GetFullPath(target).StartsWith(folder, StringComparison.Ordinal))
            return InvoiceDocument.Missing(number, "the path leaves Email:InvoiceFolder");
        if (!file.Exists)
            return InvoiceDocument.Missing(number, "the file does not exist");
        if (file.Length > Options.MaxAttachmentBytes)
            return InvoiceDocument.Missing(number, $"the file has {file.Length} bytes, more than Email:MaxAttachmentBytes");
        var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return new InvoiceDocument(number, file.Name, ContentTypeOf(file.Name), content, null);
    }

    private async Task<InvoiceDocument> DownloadAsync(string number, Uri uri, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Options.AttachmentTimeoutSeconds));
        using var http = clients.CreateClient(ClientName);
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            return InvoiceDocument.Missing(number, $"the server answered {(int)response.StatusCode}");
        var max = Options.MaxAttachmentBytes;
        if (response.Content.Headers.ContentLength > max)
            return InvoiceDocument.Missing(number, $"the document has {response.Content.Headers.ContentLength} bytes, more than Email:MaxAttachmentBytes");
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
        if (await LimitedBody.ReadAsync(stream, max, timeout.Token).ConfigureAwait(false) is not { } content)
            return InvoiceDocument.Missing(number, "the document is larger than Email:MaxAttachmentBytes");
        var name = Path.GetFileName(uri.AbsolutePath);
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            name = $"{number}.pdf";
        var type = response.Content.Headers.ContentType?.MediaType is { Length: > 0 } media && media != "application/octet-stream" ? media : ContentTypeOf(name);
        return new InvoiceDocument(number, name, type, content, null);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".xml" => "application/xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    };
}
