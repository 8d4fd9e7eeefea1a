using System.Text;
using Dunning.Bot.Hosting;

namespace Dunning.Bot.Banking;

/// <summary>
/// Reads a statement file or request body of at most <see cref="BankingOptions.MaxFileMegabytes"/>: XML goes to
/// <see cref="Camt053Parser"/>, anything else to <see cref="Mt940Parser"/> (UTF-8, else ISO 8859-1 as German banks export).
/// </summary>
public static class BankStatementReader
{
    public static async Task<BankStatement> ReadAsync(Stream stream, BankingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var cap = options.MaxBytes;
        if (stream.CanSeek && stream.Length - stream.Position > cap)
            return TooLarge(options);
        if (await LimitedBody.ReadAsync(stream, cap, cancellationToken) is not { } content)
            return TooLarge(options);
        var bytes = content.AsMemory();
        if (bytes.Length == 0)
            return BankStatement.Refused("unknown", "the file is empty.");
        if (LooksLikeXml(bytes.Span))
        {
            using var xml = new MemoryStream(content, writable: false);
            return Camt053Parser.Parse(xml, options);
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.Span);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes.Span);
        }
        using var reader = new StringReader(text);
        return Mt940Parser.Parse(reader, options);
    }

    private static bool LooksLikeXml(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
            bytes = bytes[3..];
        var first = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && bytes[first] == (byte)'<';
    }

    private static BankStatement TooLarge(BankingOptions options) =>
        BankStatement.Refused("unknown", $"the file is larger than {options.MaxFileMegabytes} MB (Banking:MaxFileMegabytes).") with { TooLarge = true };
}
