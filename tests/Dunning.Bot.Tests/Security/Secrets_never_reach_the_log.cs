using System.Net;
using Dunning.Bot.Api;
using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Tests.Fakes.Telegram;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Tests.Security;

/// <summary>
/// The real host logging at Information (as in production) with known secrets everywhere — the Telegram bot token, the
/// Teams app password, an API key, the database password, the web chat signing key, access codes, link tokens, the owner
/// link code and a staff password — runs the channels' flows (owner API, web chat by link and by code, Telegram /start,
/// /owner and a code, a refused Teams request, console sign-in, an owner alert with the debtor's words) and then searches
/// every captured log line for each secret, and the Information and Warning lines for the debtor's words and name.
/// </summary>
public sealed class Secrets_never_reach_the_log : IAsyncLifetime
{
    private const string OwnerCode = "Owner-Link-Code-7QX2-zz";
    private const string AppPassword = "teams-app-password-Zq81~secret";
    private const string StoragePassword = "storage-password-4711-secret";
    private const string SigningKey = "web-chat-signing-key-0123456789-abcdefghij";
    private const string StaffPassword = "staff password 8k2-secret";
    private static readonly FakeUser Anna = new(880001, "Anna", LanguageCode: "de");
    private static readonly FakeUser Ben = new(880002, "Ben", LanguageCode: "de");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(120));
    private readonly CapturedLog log = new();
    private FakeTelegramServer server = null!;
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions(), timeout.Token);
        host = new BotHost(EndToEndHost.Settings(new()
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Telegram:Token"] = server.Token,
            ["Telegram:ApiBaseUrl"] = server.BaseUrl.ToString(),
            ["Telegram:PollingTimeout"] = "00:00:01",
            ["Telegram:OwnerLinkCode"] = OwnerCode,
            ["Teams:AppId"] = "9f7d3a2e-0000-4000-8000-00000000a1b2",
            ["Teams:TenantId"] = "11111111-1111-1111-1111-111111111111",
            ["Teams:AppPassword"] = AppPassword,
            ["Storage:Password"] = StoragePassword,
            ["WebChat:TokenSigningKey"] = SigningKey,
        }), services: s => s.AddSingleton<ILoggerProvider>(log));
        _ = host.BaseAddress; // starts the host
        await server.WaitUntilAsync(s => s.Calls.Any(c => c.Method == "deleteWebhook" && c.StatusCode == 200), Wait, timeout.Token);
    }

    [Fact]
    public async Task Every_channel_flow_runs_and_no_secret_appears_in_any_log_line()
    {
        using var owner = host.Owner();
        var erika = await owner.DebtorWithInvoiceAsync("K-1", "Erika Mustermann", "de", "RE-2026-1", 300m);
        var john = await owner.DebtorWithInvoiceAsync("K-2", "John Smith", "en", "RE-2026-2", 120m);

        var byLink = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.NotEmpty(await byLink.JoinAsync(erika.LinkToken, "de-DE"));
        Assert.NotEmpty(await byLink.SayAsync("Wie viel muss ich zahlen?"));
        var byCode = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.NotEmpty(await byCode.JoinAsync(null, "en-GB"));
        Assert.NotEmpty(await byCode.SayAsync("WXYZ-2345"));
        Assert.NotEmpty(await byCode.SayAsync(john.AccessCode));

        await SayOnTelegramAsync(Anna, "/start " + erika.LinkToken);
        await SayOnTelegramAsync(Ben, "/owner " + OwnerCode);
        await SayOnTelegramAsync(Ben, "/owner wrong-" + OwnerCode);
        await SayOnTelegramAsync(Ben, john.AccessCode);

        using var teams = host.CreateHttpClient();
        teams.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJSUzI1NiJ9.forged." + AppPassword);
        using (var refused = await teams.PostAsync(new Uri("api/messages", UriKind.Relative), new StringContent("{\"type\":\"message\"}")))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await host.Services.GetRequiredService<StaffAccounts>().CreateAsync("olga", StaffRole.Owner, StaffPassword, CancellationToken.None);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        { BaseAddress = host.BaseAddress };
        var wrong = await Staff.StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "olga", ["Password"] = StaffPassword + "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var signedIn = await Staff.StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "olga", ["Password"] = StaffPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // A hardship alert carries the debtor's own words to the owner, never to the log.
        await host.Services.GetRequiredService<Core.Cases.EscalationDesk>().RaiseAsync(erika.Id, Core.Domain.EscalationReason.Hardship,
            "Ich bin seit Oktober arbeitslos und krank", ["RE-2026-1"], null, CancellationToken.None);

        Assert.NotEmpty(log.Lines);
        Assert.Contains(log.Lines, l => l.Text.Contains("Hardship", StringComparison.Ordinal));
        Assert.Empty(log.Containing("arbeitslos", LogLevel.Information));
        Assert.Empty(log.Containing("Erika Mustermann", LogLevel.Information));
        Assert.Contains(log.Lines, l => l.Category.Contains("Telegram", StringComparison.Ordinal));
        var secrets = new Dictionary<string, string>
        {
            ["bot token"] = server.Token[(server.Token.IndexOf(':', StringComparison.Ordinal) + 1)..],
            ["Teams app password"] = AppPassword,
            ["API key"] = EndToEndHost.ApiKey,
            ["API key hash"] = ApiKeys.Hash(EndToEndHost.ApiKey),
            ["database password"] = StoragePassword,
            ["web chat signing key"] = SigningKey,
            ["owner link code"] = OwnerCode,
            ["staff password"] = StaffPassword,
            ["Erika's link token"] = erika.LinkToken,
            ["Erika's access code"] = erika.AccessCode,
            ["John's access code"] = john.AccessCode,
            ["a wrong access code"] = "WXYZ2345",
        };
        var found = secrets.SelectMany(s => log.Containing(s.Value).Select(line => $"{s.Key}: {line}")).ToList();
        Assert.True(found.Count == 0, string.Join(System.Environment.NewLine, found));
    }

    private async Task SayOnTelegramAsync(FakeUser user, string text)
    {
        var before = server.SentMessages.Count(m => m.ChatId == user.Id);
        server.EnqueueMessage(user, text);
        await server.WaitUntilAsync(s => s.SentMessages.Count(m => m.ChatId == user.Id) > before, Wait, timeout.Token);
        await Task.Delay(300, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await server.DisposeAsync();
        timeout.Dispose();
    }
}
