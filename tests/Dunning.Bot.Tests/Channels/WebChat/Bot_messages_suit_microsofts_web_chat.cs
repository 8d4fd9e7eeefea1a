using System.Buffers.Binary;
using System.Text;
using Dunning.Bot.Channels;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// What Web Chat needs to show a bot message as meant: <c>textFormat: "plain"</c> on every bot message (Markdown would
/// swallow single line breaks) and, for an inline PNG Web Chat would cut to its image height, a 2:1 thumbnail with the
/// whole picture; the original stays the <c>contentUrl</c>.
/// </summary>
public sealed class Bot_messages_suit_microsofts_web_chat : IDisposable
{
    private readonly Infrastructure.BotHost host = WebChatHost.Start();

    [Fact]
    public async Task Replies_and_proactive_messages_are_plain_text()
    {
        var client = host.Client();
        await client.StartAsync();
        await client.SayAsync("line one\nline two");
        var channel = host.Services.GetServices<IProactiveChannel>().Single(c => c.ChannelId == WebChatAdapter.Channel);
        var reference = new ConversationReference { ChannelId = "webchat", Conversation = new ConversationAccount(client.ConversationId), Bot = new ChannelAccount("bot") };
        await channel.SendAsync(reference, [Activity.CreateMessage("IBAN: DE89 3704 0044 0532 0130 00\nBIC: COBADEFFXXX")], CancellationToken.None);

        var (activities, _) = await client.PollAsync();

        var fromBot = activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot").ToList();
        Assert.Equal(2, fromBot.Count);
        Assert.All(fromBot, a => Assert.Equal("plain", a.GetProperty("textFormat").GetString()));
        Assert.Equal("IBAN: DE89 3704 0044 0532 0130 00\nBIC: COBADEFFXXX", fromBot[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_square_image_gets_a_two_to_one_thumbnail_with_the_whole_picture_and_keeps_its_content_url()
    {
        var client = host.Client();
        await client.StartAsync();
        await client.SayAsync("invoice");

        var reply = (await client.PollAsync()).Activities[^1];
        var attachments = reply.GetProperty("attachments").EnumerateArray().ToList();

        Assert.Equal(EchoTestBot.OnePixelPng, attachments[0].GetProperty("contentUrl").GetString());
        var svg = Svg(attachments[0].GetProperty("thumbnailUrl").GetString()!);
        Assert.Contains("width=\"2\" height=\"1\"", svg, StringComparison.Ordinal);
        Assert.Contains($"href=\"{EchoTestBot.OnePixelPng}\"", svg, StringComparison.Ordinal);
        Assert.False(attachments[1].TryGetProperty("thumbnailUrl", out _));
    }

    [Theory]
    [InlineData(294, 294, 588)]
    [InlineData(100, 300, 600)]
    [InlineData(300, 200, 400)]
    public void A_png_higher_than_half_its_width_is_centred_on_a_canvas_twice_as_wide_as_high(int width, int height, int canvas)
    {
        var svg = Svg(WebChatImages.Letterboxed(Png(width, height))!);

        Assert.Contains($"width=\"{canvas}\" height=\"{height}\"", svg, StringComparison.Ordinal);
        Assert.Contains($"x=\"{(canvas - width) / 2}\" y=\"0\" width=\"{width}\" height=\"{height}\"", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(480, 240)]
    [InlineData(1000, 100)]
    public void A_png_wide_enough_gets_no_thumbnail(int width, int height) =>
        Assert.Null(WebChatImages.Letterboxed(Png(width, height)));

    [Theory]
    [InlineData("data:image/png;base64,")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("data:image/png;base64,!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("data:image/png;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")]
    [InlineData("data:image/svg+xml;base64,PHN2Zy8+")]
    [InlineData("https://example.invalid/girocode.png")]
    public void An_unreadable_or_foreign_image_gets_no_thumbnail(string url) =>
        Assert.Null(WebChatImages.Letterboxed(url));

    [Theory]
    [InlineData(0, 100)]
    [InlineData(-5, 100)]
    [InlineData(100, 0)]
    [InlineData(100_000, 100_000)]
    public void A_png_with_absurd_dimensions_gets_no_thumbnail(int width, int height) =>
        Assert.Null(WebChatImages.Letterboxed(Png(width, height)));

    [Fact]
    public void The_attachment_a_dialog_sent_is_not_changed()
    {
        var original = new Attachment { ContentType = "image/png", ContentUrl = Png(200, 200), Name = "girocode.png" };
        List<Attachment> sent = [original];

        var shown = WebChatImages.WholeInWebChat(sent)!;

        Assert.Null(original.ThumbnailUrl);
        Assert.NotSame(original, shown[0]);
        Assert.Equal((original.ContentUrl, original.Name), (shown[0].ContentUrl, shown[0].Name));
        List<Attachment> nothingToDo = [new Attachment { ContentType = "application/pdf", ContentUrl = "https://example.invalid/a.pdf" }];
        Assert.Same(nothingToDo, WebChatImages.WholeInWebChat(nothingToDo));
    }

    /// <summary>A data URI holding only a PNG's signature and IHDR header: all the size check reads.</summary>
    private static string Png(int width, int height)
    {
        var bytes = new byte[24];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return "data:image/png;base64," + Convert.ToBase64String(bytes);
    }

    private static string Svg(string dataUri)
    {
        const string prefix = "data:image/svg+xml;base64,";
        Assert.StartsWith(prefix, dataUri, StringComparison.Ordinal);
        return Encoding.UTF8.GetString(Convert.FromBase64String(dataUri[prefix.Length..]));
    }

    public void Dispose() => host.Dispose();
}
