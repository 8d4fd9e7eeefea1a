namespace Dunning.Bot.Hosting;

/// <summary>Files compiled into the host's assembly (web chat page, Teams icons), read by their logical name.</summary>
internal static class EmbeddedFile
{
    /// <summary>The file's bytes; throws when the build left it out (a packaging error, not a runtime condition).</summary>
    public static byte[] Read(string logicalName)
    {
        using var stream = typeof(EmbeddedFile).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"The embedded file {logicalName} is missing from the build.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
