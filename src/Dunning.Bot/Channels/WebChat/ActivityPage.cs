using System.Buffers;
using System.Globalization;
using System.Text;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>One poll's result: activities as stored JSON and the watermark after them.</summary>
public sealed record ActivityPage(IReadOnlyList<string> Activities, long Watermark)
{
    private static ReadOnlySpan<byte> Head => "{\"activities\":["u8;
    private static ReadOnlySpan<byte> WatermarkHead => "],\"watermark\":\""u8;
    private static ReadOnlySpan<byte> Tail => "\"}"u8;

    /// <summary>The Direct Line <c>ActivitySet</c> JSON, written without re-serializing the activities.</summary>
    public byte[] ToActivitySetJson()
    {
        var bytes = new byte[Utf8Length()];
        var writer = new ArrayBufferWriter<byte>(bytes.Length);
        WriteActivitySetJson(writer);
        writer.WrittenSpan.CopyTo(bytes);
        return bytes;
    }

    /// <summary>The length in UTF-8 of <see cref="WriteActivitySetJson"/>'s output (an HTTP answer's Content-Length).</summary>
    public int Utf8Length()
    {
        var length = Head.Length + WatermarkHead.Length + Tail.Length + Math.Max(0, Activities.Count - 1) + Digits(Watermark);
        foreach (var activity in Activities)
            length += Encoding.UTF8.GetByteCount(activity);
        return length;
    }

    /// <summary>
    /// Writes the <c>ActivitySet</c> straight into <paramref name="writer"/> (a response's body): each stored activity is
    /// encoded once, with no string or byte array of the whole page in between.
    /// </summary>
    public void WriteActivitySetJson(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Head);
        for (var i = 0; i < Activities.Count; i++)
        {
            if (i > 0)
                writer.Write(","u8);
            Encoding.UTF8.GetBytes(Activities[i].AsSpan(), writer);
        }
        writer.Write(WatermarkHead);
        Watermark.TryFormat(writer.GetSpan(20), out var digits, default, CultureInfo.InvariantCulture);
        writer.Advance(digits);
        writer.Write(Tail);
    }

    private static int Digits(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }
}
