using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Testing;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>
/// The transcript keeps each picture the bot sent (a data: image or an address) up to Conversations:TranscriptMaxImageChars,
/// next to the names of all attachments and the buttons offered, so staff see what the debtor saw.
/// </summary>
public sealed class Transcripts_keep_the_pictures_the_debtor_saw
{
    [Fact]
    public async Task Small_pictures_are_kept_large_ones_only_by_name_and_other_files_only_by_name()
    {
        var transcripts = new InMemoryTranscriptStore();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var middleware = new TranscriptMiddleware(transcripts, new InMemoryConversationStore(), clock,
            MsOptions.Create(new ConversationOptions { TranscriptMaxImageChars = 200 }), NullLogger<TranscriptMiddleware>.Instance);
        var adapter = new TestAdapter("webchat", clock);
        adapter.Use(middleware);
        var small = "data:image/png;base64," + new string('A', 100);
        var large = "data:image/png;base64," + new string('A', 500);

        await adapter.SendTextToBotAsync("bank details?", async (turn, cancellationToken) =>
        {
            var reply = Activity.CreateMessage("IBAN DE89 3704 0044 0532 0130 00\nBIC COBADEFFXXX");
            reply.Attachments =
            [
                new Attachment { ContentType = "image/png", ContentUrl = small, Name = "girocode.png" },
                new Attachment { ContentType = "image/png", ContentUrl = large, Name = "big.png" },
                new Attachment { ContentType = "application/pdf", ContentUrl = "https://example.org/RE-1.pdf", Name = "RE-1.pdf" },
            ];
            reply.SuggestedActions = new SuggestedActions { Actions = [new CardAction { Title = "Pay now" }] };
            await turn.SendActivityAsync(reply, cancellationToken);
        }, CancellationToken.None);

        var sent = Assert.Single(transcripts.All, e => e.Direction == TranscriptDirection.Outbound);
        Assert.Equal([small], sent.Images);
        Assert.Equal(["girocode.png", "big.png", "RE-1.pdf"], sent.Attachments);
        Assert.Equal(["Pay now"], sent.Buttons);
        Assert.Equal("IBAN DE89 3704 0044 0532 0130 00\nBIC COBADEFFXXX", sent.Text);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2_000_000)]
    public void A_cap_out_of_range_is_refused(int cap) =>
        Assert.Contains(new ConversationOptions { TranscriptMaxImageChars = cap }.Validate(), p => p.Contains("TranscriptMaxImageChars", StringComparison.Ordinal));
}
