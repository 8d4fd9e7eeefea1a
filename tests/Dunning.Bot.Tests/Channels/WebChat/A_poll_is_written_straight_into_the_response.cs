using System.Buffers;
using System.Text.Json;
using Dunning.Bot.Channels.WebChat;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// A poll's <c>ActivitySet</c> is encoded straight into the response body (no string of the whole page in between): its
/// bytes are valid JSON with every stored activity unchanged, and the Content-Length announced beforehand is exact —
/// also for umlauts, emoji and long activities that span several buffer segments.
/// </summary>
public sealed class A_poll_is_written_straight_into_the_response
{
    private static readonly string[] Activities =
    [
        "{\"type\":\"message\",\"text\":\"Grüße aus München – Rechnung über 1.234,56 €\"}",
        "{\"type\":\"message\",\"text\":\"👍 danke\"}",
        "{\"type\":\"message\",\"text\":\"" + new string('x', 20_000) + "ä\"}",
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void The_announced_length_is_the_length_of_the_bytes_written(int count)
    {
        var page = new ActivityPage(Activities[..count], count == 0 ? 0 : 9_876_543_210L);
        var writer = new SmallSegments();

        page.WriteActivitySetJson(writer);

        Assert.Equal(writer.Written.Count, page.Utf8Length());
        Assert.Equal(page.ToActivitySetJson(), writer.Written.ToArray());
    }

    [Fact]
    public void The_page_is_an_activity_set_with_each_activity_and_the_watermark_as_a_string()
    {
        var page = new ActivityPage(Activities, 42);

        using var json = JsonDocument.Parse(page.ToActivitySetJson());

        var texts = json.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Equal(Activities.Select(a => JsonDocument.Parse(a).RootElement.GetProperty("text").GetString()), texts);
        Assert.Equal("42", json.RootElement.GetProperty("watermark").GetString());
    }

    /// <summary>A writer that hands out no more than asked for (at least 16 bytes), as a pipe's segments end somewhere.</summary>
    private sealed class SmallSegments : IBufferWriter<byte>
    {
        private byte[] scratch = [];

        public List<byte> Written { get; } = [];

        public void Advance(int count) => Written.AddRange(scratch.AsSpan(0, count).ToArray());

        public Memory<byte> GetMemory(int sizeHint = 0) => scratch = new byte[Math.Max(16, sizeHint)];

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
