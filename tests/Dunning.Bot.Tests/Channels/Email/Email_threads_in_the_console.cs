using System.Net;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Channels.Email;

/// <summary>
/// Staff see a debtor's e-mails with their subjects in the console, take the e-mail conversation over and answer by
/// e-mail in the same thread; the owner sets the debtor's reminder channels there; debtors no channel can reach are
/// listed in the inbox. The real host, the real mail server, console forms over HTTP.
/// </summary>
public sealed class Email_threads_in_the_console(MailServer server) : IClassFixture<MailServer>
{
    [MailServerFact]
    public async Task Staff_see_the_thread_with_subjects_take_it_over_and_answer_by_email_in_the_same_thread()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-900", "Korn & Söhne GmbH", "korn@korn-soehne.test", number: "RE-2026-0900");
        await world.RemindAsync();
        var reminder = Assert.Single(await RemindersByEmail.MailTo(world, "korn@korn-soehne.test", 1));
        var question = ConversationsByEmail.Reply(reminder, "korn@korn-soehne.test", "Können Sie mir die Rechnung bitte noch einmal schicken?");
        await server.SendAsync(question);
        Assert.NotNull(await ConversationsByEmail.HandledAsync(world, question));
        using var sam = await SignedInAsync(world, "sam", StaffRole.Staff, "de");
        var page = "/console/conversation?key=" + Uri.EscapeDataString(EmailConversation.KeyFor("K-900"));

        var html = WebUtility.HtmlDecode(await sam.GetStringAsync(page));
        Assert.Contains("E-Mails in diesem Verlauf", html, StringComparison.Ordinal);
        Assert.Contains(reminder.Subject!, html, StringComparison.Ordinal);
        Assert.Contains("Re: " + reminder.Subject, html, StringComparison.Ordinal);
        Assert.Contains("vom Schuldner", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await StaffHost.PostFormAsync(sam, page, [], page + "&handler=TakeOver")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffHost.PostFormAsync(sam, page,
            new() { ["text"] = "Guten Tag, hier ist Sam aus der Buchhaltung. Die Rechnung schicke ich Ihnen gleich." }, page + "&handler=Reply")).StatusCode);

        var mails = await RemindersByEmail.MailTo(world, "korn@korn-soehne.test", 2);
        var answer = Assert.Single(mails, m => m.TextBody?.Contains("hier ist Sam", StringComparison.Ordinal) == true);
        Assert.Equal("Re: " + reminder.Subject, answer.Subject);
        Assert.Equal(question.MessageId, answer.InReplyTo);
        Assert.Contains(reminder.MessageId!, answer.References);

        var again = ConversationsByEmail.Reply(answer, "korn@korn-soehne.test", "Danke, ich warte darauf.");
        await server.SendAsync(again);
        Assert.Equal("answered_nothing", await ConversationsByEmail.HandledAsync(world, again));
        Assert.Contains("Danke, ich warte darauf.", WebUtility.HtmlDecode(await sam.GetStringAsync(page)), StringComparison.Ordinal);
    }

    [MailServerFact]
    public async Task The_owner_sets_the_preferred_channel_and_the_email_copy_staff_may_not_and_an_unknown_channel_changes_nothing()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-901", "Kanal GmbH", "kanal@kanal.test", number: "RE-2026-0901");
        using var olga = await SignedInAsync(world, "olga", StaffRole.Owner, "en");
        using var sam = await SignedInAsync(world, "sam", StaffRole.Staff, "en");
        const string page = "/console/cases/K-901";
        Assert.Contains("Reminder channel", await olga.GetStringAsync(page), StringComparison.Ordinal);
        Assert.DoesNotContain("Reminder channel", await sam.GetStringAsync(page), StringComparison.Ordinal);

        var saved = await StaffHost.PostFormAsync(olga, page, new() { ["preferredChannel"] = "email", ["alsoByEmail"] = "true" }, page + "?handler=Channels");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var debtor = await world.DebtorAsync("K-901");
        Assert.Equal((ChannelKind.Email, true), (debtor.PreferredChannel, debtor.AlsoByEmail));

        var forbidden = await StaffHost.PostFormAsync(sam, page, new() { ["preferredChannel"] = "webchat" }, page + "?handler=Channels");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var unknown = await StaffHost.PostFormAsync(olga, page, new() { ["preferredChannel"] = "<fax>" }, page + "?handler=Channels");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("There is no such channel.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        debtor = await world.DebtorAsync("K-901");
        Assert.Equal((ChannelKind.Email, true), (debtor.PreferredChannel, debtor.AlsoByEmail));

        var cleared = await StaffHost.PostFormAsync(olga, page, new() { ["preferredChannel"] = "" }, page + "?handler=Channels");
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        debtor = await world.DebtorAsync("K-901");
        Assert.Equal((null, false), (debtor.PreferredChannel, debtor.AlsoByEmail));
    }

    [MailServerFact]
    public async Task A_debtor_no_channel_can_reach_is_listed_in_the_inbox_in_German_and_English()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-902", "Ohne Weg GmbH", email: null!, number: "RE-2026-0902");
        await world.RemindAsync();
        using var de = await SignedInAsync(world, "olga", StaffRole.Owner, "de");
        using var en = await SignedInAsync(world, "otto", StaffRole.Owner, "en");

        var german = WebUtility.HtmlDecode(await de.GetStringAsync("/console"));
        var english = WebUtility.HtmlDecode(await en.GetStringAsync("/console"));

        Assert.Contains("Nicht erreichbar (1)", german, StringComparison.Ordinal);
        Assert.Contains("keine Adresse hinterlegt", german, StringComparison.Ordinal);
        Assert.Contains("data-unreachable=\"K-902\"", german, StringComparison.Ordinal);
        Assert.Contains("Unreachable (1)", english, StringComparison.Ordinal);
        Assert.Contains("no address on file", english, StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignedInAsync(EmailWorld world, string user, StaffRole role, string language)
    {
        await world.Host.Services.GetRequiredService<StaffAccounts>().CreateAsync(user, role, StaffHost.Password, CancellationToken.None);
        var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = world.Host.BaseAddress,
        };
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = user, ["Password"] = StaffHost.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }
}
