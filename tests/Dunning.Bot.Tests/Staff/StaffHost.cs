using System.Net;
using System.Text.RegularExpressions;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// The real host on loopback with a fake clock, two console accounts (owner "olga", staff "sam" and "sue") and one
/// debtor with an open invoice; browsers are HttpClients with their own cookie jar.
/// </summary>
public sealed partial class StaffHost : IDisposable
{
    public const string Password = "correct horse battery";
    public const string DebtorId = "D-100";
    public const string InvoiceNumber = "RE-100";

    public StaffHost(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var all = new Dictionary<string, string?> { ["Staff:LockoutAttempts"] = "3", ["Staff:LockoutMinutes"] = "10" };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        Host = new BotHost(all, clock: Clock, services: services);
        var accounts = Host.Services.GetRequiredService<StaffAccounts>();
        accounts.CreateAsync("olga", StaffRole.Owner, Password, CancellationToken.None).GetAwaiter().GetResult();
        accounts.CreateAsync("sam", StaffRole.Staff, Password, CancellationToken.None).GetAwaiter().GetResult();
        accounts.CreateAsync("sue", StaffRole.Staff, Password, CancellationToken.None).GetAwaiter().GetResult();
        var debtor = new Debtor { Id = DebtorId, Name = "Erika Muster", AccessCode = "AC100", LinkToken = "tok_d100_abcdefghijklmnop" };
        var invoice = Invoice.Create(InvoiceNumber, DebtorId, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 15), "EUR", 119m);
        Host.Services.GetRequiredService<IInvoiceStore>()
            .SaveBatchAsync([debtor], [invoice], [new DunningCase { DebtorId = DebtorId }], CancellationToken.None).GetAwaiter().GetResult();
    }

    public BotHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>A browser-like client: its own cookies, no automatic redirects, asking for <paramref name="language"/> (English by default).</summary>
    public HttpClient Browser(string? language = "en-GB")
    {
        var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Host.BaseAddress };
        if (language is not null)
            browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return browser;
    }

    /// <summary>A client signed in as <paramref name="user"/>, its browser asking for <paramref name="language"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string user, string? language = "en-GB")
    {
        var browser = Browser(language);
        var response = await PostFormAsync(browser, "/console/signin", new() { ["UserName"] = user, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>GETs <paramref name="page"/> for its antiforgery token, then posts the form with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, Dictionary<string, string> fields, string? action = null)
    {
        var html = await browser.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__csrf"] = Token(html) };
        return await browser.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    public static string Token(string html) =>
        CsrfField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery field on the page.");

    /// <summary>A web chat of the debtor, linked by their token, speaking English.</summary>
    internal async Task<Channels.WebChat.DirectLineClient> LinkedChatAsync()
    {
        var chat = new Channels.WebChat.DirectLineClient(Host.CreateHttpClient());
        await chat.StartAsync();
        var join = System.Text.Json.JsonSerializer.Serialize(new { type = "event", name = "webchat/join", value = new { linkToken = "tok_d100_abcdefghijklmnop", locale = "en-GB" } });
        Assert.Equal(HttpStatusCode.OK, (await chat.PostAsync(join)).StatusCode);
        return chat;
    }

    public void Dispose() => Host.Dispose();

    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
