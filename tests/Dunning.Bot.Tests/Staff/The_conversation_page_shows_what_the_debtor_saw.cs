using System.Net;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// The conversation page shows each message as the debtor saw it: line breaks, the buttons offered and pictures as
/// thumbnails; after a reply it continues at the reply box; a console tab refreshing itself logs nothing.
/// </summary>
public sealed class The_conversation_page_shows_what_the_debtor_saw : IDisposable
{
    private readonly CapturedLog log = new();
    private readonly StaffHost host;

    public The_conversation_page_shows_what_the_debtor_saw()
    {
        host = new StaffHost(new()
        {
            ["Payee:AccountHolder"] = "Muster Handwerk GmbH",
            ["Payee:Iban"] = "DE89370400440532013000",
            ["Payee:Bic"] = "COBADEFFXXX",
            ["Payee:BankName"] = "Commerzbank",
        }, services => services.AddLogging(b => b.AddProvider(log)));
    }

    [Fact]
    public async Task Pictures_buttons_and_line_breaks_reach_the_console()
    {
        var chat = await host.LinkedChatAsync();
        await chat.SayAsync("How can I pay? What are your bank details?", "c2");
        var key = ConversationLink.KeyFor("webchat", chat.ConversationId);
        var stored = await host.Get<ITranscriptStore>().ListAsync(key, null, 100, CancellationToken.None);
        Assert.Contains(stored, e => e.Images.Any(i => i.StartsWith("data:image/png;base64,", StringComparison.Ordinal)));
        await host.Get<ITranscriptStore>().AppendAsync(new TranscriptEntry(key, StaffHost.DebtorId, host.Clock.GetUtcNow(), TranscriptDirection.Outbound, "message",
            "First line\nSecond line <b>not bold</b>", "Dunning.Bot")
        {
            Buttons = ["Pay now", "Talk to a person"],
            Attachments = ["invoice.pdf"],
            Images = ["https://tracker.example/pixel.png"],
        }, CancellationToken.None);
        using var sam = await host.SignedInAsync("sam");

        var page = await sam.GetStringAsync("/console/conversation?key=" + Uri.EscapeDataString(key));

        Assert.Contains("<img class=\"thumb\" src=\"data:image/png;base64,", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"text\">First line&#xA;Second line &lt;b&gt;not bold&lt;/b&gt;</div>", page, StringComparison.Ordinal);
        Assert.Matches("<ul class=\"buttons\"[^>]*>\\s*<li>Pay now</li>\\s*<li>Talk to a person</li>", page);
        Assert.Contains("📎 invoice.pdf", page, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker.example", page, StringComparison.Ordinal);
        Assert.Contains("<h1>web chat with Erika Muster</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($">{key}<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_sending_the_page_continues_at_the_reply_box()
    {
        var chat = await host.LinkedChatAsync();
        await chat.SayAsync("I want to talk to a real person", "c2");
        var page = "/console/conversation?key=" + Uri.EscapeDataString(ConversationLink.KeyFor("webchat", chat.ConversationId));
        using var sam = await host.SignedInAsync("sam");
        await StaffHost.PostFormAsync(sam, page, [], page + "&handler=TakeOver");

        var sent = await StaffHost.PostFormAsync(sam, page, new() { ["text"] = "Hello" }, page + "&handler=Reply");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(page + "#reply", sent.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_console_tab_that_refreshes_every_few_seconds_logs_no_warning()
    {
        var chat = await host.LinkedChatAsync();
        var page = "/console/conversation?key=" + Uri.EscapeDataString(ConversationLink.KeyFor("webchat", chat.ConversationId));
        using var sam = await host.SignedInAsync("sam");

        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, page) { Headers = { { "X-Console-Refresh", "1" } } };
            Assert.Equal(HttpStatusCode.OK, (await sam.SendAsync(request)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync("/console")).StatusCode);
        }

        Assert.Empty(log.Lines.Where(l => l.Level >= LogLevel.Warning && l.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)).Select(l => l.Text));
    }

    public void Dispose()
    {
        host.Dispose();
        log.Dispose();
    }
}
