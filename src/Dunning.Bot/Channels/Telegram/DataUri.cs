namespace Dunning.Bot.Channels.Telegram;

/// <summary>Reads RFC 2397 <c>data:</c> URIs (<c>data:image/png;base64,…</c>) as attachments carry them.</summary>
internal static class DataUri
{
    /// <summary>The media type (lower case, parameters dropped; text/plain when absent) and the decoded bytes.</summary>
    public static bool TryParse(string uri, out string mediaType, out byte[] content)
    {
        mediaType = "text/plain";
        content = [];
        if (!uri.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return false;
        var comma = uri.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
            return false;
        var header = uri[5..comma].Split(';');
        if (header[0].Length > 0)
            mediaType = header[0].Trim().ToLowerInvariant();
        var data = uri.AsSpan(comma + 1);
        if (header.Skip(1).Any(p => p.Equals("base64", StringComparison.OrdinalIgnoreCase)))
        {
            var buffer = new byte[data.Length / 4 * 3 + 3];
            if (!Convert.TryFromBase64Chars(data, buffer, out var written))
                return false;
            content = buffer[..written];
            return true;
        }
        content = System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(data.ToString()));
        return true;
    }
}
