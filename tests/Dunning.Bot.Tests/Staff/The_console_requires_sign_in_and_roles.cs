using System.Net;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Audit;

namespace Dunning.Bot.Tests.Staff;

/// <summary>Authorization over real HTTP: sign-in, roles, antiforgery, audit.</summary>
public sealed class The_console_requires_sign_in_and_roles : IDisposable
{
    private readonly StaffHost host = new();

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/cases/D-100")]
    [InlineData("/console/audit")]
    [InlineData("/console/events")]
    [InlineData("/console/cases/D-100/file.json")]
    [InlineData("/console/cases/D-100/file.pdf")]
    public async Task Anonymous_requests_are_sent_to_the_sign_in_page(string path)
    {
        using var anonymous = host.Browser();
        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/signin?returnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_sets_a_strict_http_only_cookie_for_the_console_only()
    {
        using var browser = host.Browser();
        var response = await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "OLGA", ["Password"] = StaffHost.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dunning.console=", StringComparison.Ordinal));
        Assert.Contains("path=/console", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer()
    {
        using var browser = host.Browser();
        var wrong = await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "olga", ["Password"] = "nope" });
        var unknown = await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "nobody", ["Password"] = "nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("User name or password is wrong", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("User name or password is wrong", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await browser.GetAsync("/console")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task After_three_wrong_passwords_even_the_right_one_is_refused_until_the_lock_expires()
    {
        using var browser = host.Browser();
        for (var i = 0; i < 3; i++)
            await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "sam", ["Password"] = "guess" + i });

        var locked = await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "sam", ["Password"] = StaffHost.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("too many failed attempts", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var after = await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "sam", ["Password"] = StaffHost.Password });
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_locked_account_and_an_unknown_user_get_one_answer()
    {
        using var browser = host.Browser();
        for (var i = 0; i < 3; i++)
            await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "sam", ["Password"] = "guess" + i });

        var locked = await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "sam", ["Password"] = "another guess" });
        var unknown = await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "nobody", ["Password"] = "another guess" });

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (locked.StatusCode, unknown.StatusCode));
        var problem = Problem(await unknown.Content.ReadAsStringAsync());
        Assert.NotEmpty(problem);
        Assert.Equal(problem, Problem(await locked.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Wrong_passwords_for_many_names_from_one_address_keep_that_address_out_for_a_while()
    {
        using var browser = host.Browser();
        for (var i = 0; i < 12; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "user" + i, ["Password"] = "guess" })).StatusCode);

        var refused = await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "olga", ["Password"] = StaffHost.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var after = await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "olga", ["Password"] = StaffHost.Password });
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected_and_changes_nothing()
    {
        using var owner = await host.SignedInAsync("olga");
        await owner.GetStringAsync("/console/cases/D-100");

        var response = await owner.PostAsync("/console/cases/D-100?handler=Payment",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["number"] = StaffHost.InvoiceNumber }));
        var signIn = await host.Browser().PostAsync("/console/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "olga", ["Password"] = StaffHost.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(0m, (await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None))!.Paid);
    }

    [Fact]
    public async Task A_token_from_another_session_is_rejected()
    {
        using var sam = await host.SignedInAsync("sam");
        using var olga = await host.SignedInAsync("olga");
        var samsToken = StaffHost.Token(await sam.GetStringAsync("/console/cases/D-100"));
        await olga.GetStringAsync("/console/cases/D-100");

        var response = await olga.PostAsync("/console/cases/D-100?handler=Payment", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["number"] = StaffHost.InvoiceNumber,
            ["__csrf"] = samsToken,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("Payment", "number", StaffHost.InvoiceNumber)]
    [InlineData("ResolveDispute", "number", StaffHost.InvoiceNumber)]
    [InlineData("LiftOptOut", "channel", "webchat")]
    [InlineData("Approve", "agreementId", "A-1")]
    [InlineData("Reject", "agreementId", "A-1")]
    public async Task Staff_cannot_do_what_changes_money(string handler, string field, string value)
    {
        using var staff = await host.SignedInAsync("sam");

        var response = await StaffHost.PostFormAsync(staff, "/console/cases/D-100", new() { [field] = value }, $"/console/cases/D-100?handler={handler}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0m, (await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None))!.Paid);
        Assert.Empty(await host.Get<IAuditLog>().ListAsync(null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Staff_cannot_read_the_audit_log_but_the_owner_can()
    {
        using var staff = await host.SignedInAsync("sam");
        using var owner = await host.SignedInAsync("olga");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/console/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/console/audit")).StatusCode);
    }

    [Fact]
    public async Task The_owner_records_a_payment_and_the_audit_log_says_who_what_and_before_after()
    {
        using var owner = await host.SignedInAsync("olga");

        var response = await StaffHost.PostFormAsync(owner, "/console/cases/D-100", new() { ["number"] = StaffHost.InvoiceNumber, ["amount"] = "19.50" },
            "/console/cases/D-100?handler=Payment");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(19.50m, (await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None))!.Paid);
        var entry = Assert.Single(await host.Get<IAuditLog>().ListAsync(StaffHost.DebtorId, 10, CancellationToken.None));
        Assert.Equal(("olga", "payment", "invoice RE-100"), (entry.Actor, entry.Action, entry.Target));
        Assert.Contains("\"paid\":0", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"paid\":19.50", entry.After, StringComparison.Ordinal);
        Assert.Equal(host.Clock.GetUtcNow(), entry.At);
        var history = (await host.Get<ICaseStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None))!.History;
        Assert.Contains(history, a => a.Kind == "payment" && a.Actor == "olga");
        Assert.Contains("Audit log", await owner.GetStringAsync("/console/audit"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("99999999999999")]
    public async Task A_nonsense_amount_is_refused_and_changes_nothing(string amount)
    {
        using var owner = await host.SignedInAsync("olga");

        var response = await StaffHost.PostFormAsync(owner, "/console/cases/D-100", new() { ["number"] = StaffHost.InvoiceNumber, ["amount"] = amount },
            "/console/cases/D-100?handler=Payment");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0m, (await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None))!.Paid);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var owner = await host.SignedInAsync("olga");

        var response = await StaffHost.PostFormAsync(owner, "/console", [], "/console/signout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/console")).StatusCode);
    }

    /// <summary>The problem shown on the sign-in page (the rest of the page repeats what was typed).</summary>
    private static string Problem(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<p class=\"flash problem\"[^>]*>(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;

    public void Dispose() => host.Dispose();
}
