using System.Text;

namespace Dunning.Bot.Intake;

/// <summary>
/// Finds a file's encoding before it is parsed: a byte order mark decides (UTF-8, UTF-16); without one, a file
/// that is valid UTF-8 throughout is UTF-8, anything else Windows-1252 (what German Excel writes as
/// "CSV (Trennzeichen-getrennt)").
/// </summary>
internal static class CsvSniffer
{
    public static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the (seekable) stream once and rewinds it.</summary>
    public static Encoding DetectEncoding(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        var start = stream.Read(buffer, 0, 3);
        stream.Position = 0;
        if (start >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            return Encoding.UTF8;
        if (start >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
            return buffer[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
        var decoder = StrictUtf8.GetDecoder();
        var chars = new char[StrictUtf8.GetMaxCharCount(buffer.Length)];
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Windows1252;
        }
        finally
        {
            stream.Position = 0;
        }
    }

    /// <summary>
    /// The delimiter is whichever of <c>;</c>, <c>,</c> and tab occurs most in the header line outside quotes; the
    /// header decides because data rows contain decimal commas. Reads the first line and rewinds the stream.
    /// </summary>
    public static char DetectDelimiter(Stream stream, Encoding encoding)
    {
        string header;
        using (var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true))
            header = reader.ReadLine() ?? "";
        stream.Position = 0;
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == ';')
                semicolons++;
            else if (!quoted && c == ',')
                commas++;
            else if (!quoted && c == '\t')
                tabs++;
        }
        return tabs > semicolons && tabs > commas ? '\t' : semicolons > commas ? ';' : ',';
    }
}
