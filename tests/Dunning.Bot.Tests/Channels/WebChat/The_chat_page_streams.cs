using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Dunning.Bot.Channels;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// The chat page in headless Chromium on the Direct Line WebSocket stream: what the bot pushes (replies and proactive
/// messages) appears without a single poll; a refused or collided stream falls back to polling, each activity shown once.
/// </summary>
public sealed class The_chat_page_streams : IAsyncLifetime
{
    private const string StaffMessage = "Hier ist Frau Weber vom Team.";
    private readonly Infrastructure.BotHost host = WebChatHost.Start(new() { ["WebChat:PollIntervalMs"] = "200" });
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Launches the browser (the tests are skipped outside CI when it is missing).</summary>
    public async Task InitializeAsync()
    {
        if (!HeadlessChromium.Present())
            return;
        playwright = await Playwright.CreateAsync();
        browser = await HeadlessChromium.LaunchAsync(playwright);
    }

    [BrowserFact]
    public async Task Replies_and_proactive_messages_arrive_on_the_stream_without_polling()
    {
        if (browser is null)
            return;
        var (page, polls, errors) = await OpenAsync();

        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-transport", "stream");

        await ChatAndHearFromStaffAsync(page);

        Assert.Empty(polls);
        Assert.Equal(1, host.Services.GetRequiredService<WebChatStreams>().Count);
        await AssertShownOnceAsync(page, 3);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task A_refused_stream_leaves_the_page_working_by_polling()
    {
        if (browser is null)
            return;
        // Every stream URL the page opens carries a forged token: the host refuses the handshake (401).
        var (page, polls, errors) = await OpenAsync(
            "const Real = WebSocket; window.WebSocket = function (url) { return new Real(String(url).replace(/([?&]t=)[^&]*/, '$1forged')); };");

        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-transport", "poll");

        await ChatAndHearFromStaffAsync(page);

        Assert.NotEmpty(polls);
        Assert.Equal(0, host.Services.GetRequiredService<WebChatStreams>().Count);
        await AssertShownOnceAsync(page, 3);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task A_stream_taken_over_by_another_client_falls_back_to_polling_without_repeating_messages()
    {
        if (browser is null)
            return;
        var (page, polls, errors) = await OpenAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-transport", "stream");
        var (conversationId, token) = await ConversationAsync(page);

        // Another client (as another tab would) opens the conversation's stream: the page's is closed with "collision".
        using var reconnect = await host.Client().SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}", null, token);
        var streamUrl = (await reconnect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        await using var other = await DirectLineStreamClient.ConnectAsync(streamUrl);
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-transport", "poll");
        await SendProactiveAsync((conversationId, token));

        await Assertions.Expect(page.Locator("#log li.bot").Nth(1)).ToContainTextAsync(StaffMessage);
        Assert.NotEmpty(polls);
        Assert.Contains(StaffMessage, (await other.ReceiveActivitiesAsync(1)).Activities.Select(a => a.GetProperty("text").GetString()));
        await AssertShownOnceAsync(page, 2);
        Assert.Empty(errors);
    }

    private async Task<(IPage Page, ConcurrentQueue<string> Polls, ConcurrentQueue<string> Errors)> OpenAsync(string? initScript = null)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" });
        if (initScript is not null)
            await context.AddInitScriptAsync(initScript);
        var page = await context.NewPageAsync();
        var polls = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        page.Request += (_, r) =>
        {
            if (r.Method == "GET" && new Uri(r.Url).AbsolutePath.EndsWith("/activities", StringComparison.Ordinal))
                polls.Enqueue(r.Url);
        };
        page.PageError += (_, e) => errors.Enqueue(e);
        await page.GotoAsync(new Uri(host.BaseAddress, "/chat?t=demo-link-token").ToString());
        await Assertions.Expect(page.Locator("#log li.bot").First).ToContainTextAsync("Welcome! Your link was recognised.");
        return (page, polls, errors);
    }

    /// <summary>The user says hello and sees the echo (their message confirmed), then a staff message arrives proactively.</summary>
    private async Task ChatAndHearFromStaffAsync(IPage page)
    {
        await page.GetByLabel("Your message").FillAsync("hello");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#log li.bot").Nth(1)).ToContainTextAsync("echo: hello");
        await Assertions.Expect(page.Locator("#log li.user.pending")).ToHaveCountAsync(0);
        await SendProactiveAsync(await ConversationAsync(page));
        await Assertions.Expect(page.Locator("#log li.bot").Nth(2)).ToContainTextAsync(StaffMessage);
    }

    private static async Task<(string ConversationId, string Token)> ConversationAsync(IPage page)
    {
        var session = await page.EvaluateAsync<JsonElement>("() => JSON.parse(sessionStorage.getItem('dunning.webchat'))");
        return (session.GetProperty("conversationId").GetString()!, session.GetProperty("token").GetString()!);
    }

    private async Task SendProactiveAsync((string ConversationId, string Token) conversation)
    {
        var channel = host.Services.GetServices<IProactiveChannel>().Single(c => c.ChannelId == WebChatAdapter.Channel);
        var reference = new ConversationReference
        {
            ChannelId = WebChatAdapter.Channel,
            Conversation = new ConversationAccount(conversation.ConversationId),
            User = new ChannelAccount("dl_user"),
            Bot = new ChannelAccount("bot"),
        };
        var result = await channel.SendAsync(reference, [Activity.CreateMessage(StaffMessage)], CancellationToken.None);
        Assert.Equal(DeliveryStatus.Delivered, result.Status);
    }

    /// <summary>Exactly <paramref name="count"/> bot messages, each text once, and each user message once (also after two more polls).</summary>
    private static async Task AssertShownOnceAsync(IPage page, int count)
    {
        await page.WaitForTimeoutAsync(500);
        var bot = await page.Locator("#log li.bot").AllInnerTextsAsync();
        var user = await page.Locator("#log li.user").AllInnerTextsAsync();
        Assert.Equal(count, bot.Count);
        Assert.Equal(bot.Count, bot.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(user.Count, user.Distinct(StringComparer.Ordinal).Count());
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
        host.Dispose();
    }
}
