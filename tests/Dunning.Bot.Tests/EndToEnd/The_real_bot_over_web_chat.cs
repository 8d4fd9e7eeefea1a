using System.Text.Json;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>
/// DunningBot behind the Direct Line endpoints, over HTTP on loopback, with LiteDB: what a debtor opening the link from a
/// reminder goes through, in German and in English.
/// </summary>
public sealed class The_real_bot_over_web_chat : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = EndToEndHost.NewClock();
    private readonly Infrastructure.BotHost host;

    public The_real_bot_over_web_chat() => host = EndToEndHost.Start(clock);

    public static TheoryData<WebChatScript> Scripts => [WebChatScript.German, WebChatScript.English];

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task A_linked_debtor_asks_pays_negotiates_disputes_and_opts_out(WebChatScript script)
    {
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-100", script.Name, script.Language, "RE-2026-100", 1200m);
        await ScheduleHandledTheNewInvoiceAsync(debtor.Id);
        var chat = await WebChatter.OpenAsync(host.CreateHttpClient());

        var greeting = Assert.Single(await chat.JoinAsync(debtor.LinkToken, script.Locale));
        Assert.StartsWith(script.Greeting, WebChatter.Text(greeting), StringComparison.Ordinal);
        Assert.Contains(script.OpenTotal, WebChatter.Text(greeting), StringComparison.Ordinal);

        var balance = await chat.AskAsync(script.BalanceQuestion);
        Assert.Contains("RE-2026-100", balance, StringComparison.Ordinal);
        Assert.Contains(script.OpenTotal, balance, StringComparison.Ordinal);

        var details = Assert.Single(await chat.SayAsync(script.PaymentQuestion));
        Assert.Contains("DE89 3704 0044 0532 0130 00", WebChatter.Text(details), StringComparison.Ordinal);
        AssertGiroCodePng(details);

        var offer = Assert.Single(await chat.SayAsync(script.InstalmentRequest));
        Assert.StartsWith(script.TooManyInstalments, WebChatter.Text(offer), StringComparison.Ordinal);
        var buttons = WebChatter.Buttons(offer);
        var claim = await OpenClaim.OfAsync(host.Services, debtor.Id);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, script.SixInstalments, OpenClaim.Euros(OpenClaim.FirstInstalment(claim, 6), script.Language)), buttons[0].Title);
        var confirm = Assert.Single(await chat.SayAsync(buttons[0].Value));
        Assert.EndsWith(script.Confirm, WebChatter.Text(confirm), StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<IAgreementStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        var agreed = await chat.AskAsync(WebChatter.Buttons(confirm).Single(b => b.Title == script.Yes).Value);
        Assert.StartsWith(script.Agreed, agreed, StringComparison.Ordinal);
        var agreement = Assert.Single(await host.Services.GetRequiredService<IAgreementStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        Assert.Equal((AgreementState.Active, AgreementKind.InstalmentPlan, 6, claim), (agreement.State, agreement.Kind, agreement.Schedule.Count, agreement.Amount));
        Assert.Equal(["RE-2026-100"], agreement.InvoiceNumbers);
        var dunningCase = await owner.GetCaseAsync(debtor.Id);
        // The follow-up checks the first instalment (30 November) at the start of the next day in Berlin.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), dunningCase.GetProperty("nextActionAt").GetDateTimeOffset());

        var disputed = await chat.AskAsync(script.Dispute);
        Assert.StartsWith(script.DisputePassedOn, disputed, StringComparison.Ordinal);
        var invoice = await owner.GetInvoiceAsync("RE-2026-100");
        Assert.Equal("disputed", invoice.GetProperty("status").GetString());
        Assert.Equal(script.Dispute, invoice.GetProperty("dispute").GetString());

        Assert.Equal(script.OptedOut, await chat.AskAsync(script.OptOut));
        var stored = await host.Services.GetRequiredService<IDebtorStore>().FindAsync(debtor.Id, CancellationToken.None);
        Assert.NotNull(stored!.Contact(ChannelKind.WebChat)?.OptedOutAt);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Five_wrong_codes_start_a_cool_down_that_refuses_even_the_right_code(WebChatScript script)
    {
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-200", script.Name, script.Language, "RE-2026-200", 80m);
        var chat = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.Single(await chat.JoinAsync(null, script.Locale));

        for (var attempt = 1; attempt <= 4; attempt++)
            Assert.StartsWith(script.WrongCode, await chat.AskAsync("ZZZZ-2222"), StringComparison.Ordinal);
        Assert.StartsWith(script.CoolDown, await chat.AskAsync("ZZZZ-2222"), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.StartsWith(script.CoolDown, await chat.AskAsync(debtor.AccessCode), StringComparison.Ordinal);

        var conversations = host.Services.GetRequiredService<IConversationStore>();
        Assert.Empty(await conversations.ListByDebtorAsync(debtor.Id, CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.StartsWith(script.Greeting, await chat.AskAsync(debtor.AccessCode), StringComparison.Ordinal);
        Assert.Single(await conversations.ListByDebtorAsync(debtor.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("../../etc/passwd")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("K-700")]
    public async Task A_forged_link_token_reveals_nothing_and_counts_as_a_wrong_attempt(string token)
    {
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-700", "Erika Mustermann", "de", "RE-2026-700", 500m);
        var chat = await WebChatter.OpenAsync(host.CreateHttpClient());

        var refused = Assert.Single(await chat.JoinAsync(token, "de-DE"));

        Assert.Equal("Dieser Link ist leider nicht (mehr) gültig. Bitte geben Sie stattdessen den Zugangscode von Ihrer Zahlungserinnerung ein.", WebChatter.Text(refused));
        var link = await host.Services.GetRequiredService<IConversationStore>().FindAsync($"webchat/{chat.Client.ConversationId}", CancellationToken.None);
        Assert.Equal((null, 1), (link!.DebtorId, link.FailedCodeAttempts));
        Assert.Empty(await host.Services.GetRequiredService<IConversationStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
    }

    /// <summary>The owner API asks the schedule to look at a new invoice now; this is the case after that sweep: nothing pending.</summary>
    [Fact]
    public async Task A_retried_yes_records_one_agreement_with_one_answer_in_the_log_and_the_transcript()
    {
        var script = WebChatScript.English;
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-100", script.Name, script.Language, "RE-2026-100", 1200m);
        await ScheduleHandledTheNewInvoiceAsync(debtor.Id);
        var chat = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.Single(await chat.JoinAsync(debtor.LinkToken, script.Locale));
        var offer = Assert.Single(await chat.SayAsync(script.InstalmentRequest));
        var confirm = Assert.Single(await chat.SayAsync(WebChatter.Buttons(offer)[0].Value));
        var yes = WebChatter.Buttons(confirm).Single(b => b.Title == script.Yes).Value;

        // The answer to the first POST was lost on the way: the client sends the same activity again.
        var first = await chat.Client.SayAsync(yes, "yes-once");
        var retry = await chat.Client.SayAsync(yes, "yes-once");

        Assert.Equal(first, retry);
        Assert.Single(await host.Services.GetRequiredService<IAgreementStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        var (log, _) = await chat.Client.PollAsync();
        Assert.Single(log, a => WebChatter.Text(a) == yes && a.GetProperty("from").GetProperty("role").GetString() == "user");
        Assert.Single(log, a => WebChatter.Text(a).StartsWith(script.Agreed, StringComparison.Ordinal));
        var transcript = await host.Services.GetRequiredService<ITranscriptStore>().ListByDebtorAsync(debtor.Id, 1000, CancellationToken.None);
        Assert.Single(transcript, e => e.Direction == TranscriptDirection.Inbound && e.Text == yes);
        Assert.Single(transcript, e => e.Direction == TranscriptDirection.Outbound && e.Text?.StartsWith(script.Agreed, StringComparison.Ordinal) == true);
    }

    private async Task ScheduleHandledTheNewInvoiceAsync(string debtorId) =>
        await host.Services.GetRequiredService<ICaseStore>().UpdateAsync(debtorId, c => c.NextActionAt = null, CancellationToken.None);

    private static void AssertGiroCodePng(JsonElement reply)
    {
        var attachment = Assert.Single(reply.GetProperty("attachments").EnumerateArray());
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
        var url = attachment.GetProperty("contentUrl").GetString()!;
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, url, StringComparison.Ordinal);
        var (width, height) = PngFile.Decode(Convert.FromBase64String(url[prefix.Length..]));
        Assert.Equal(width, height);
        Assert.InRange(width, 100, 2000);
    }

    public void Dispose() => host.Dispose();
}
