using System.Net;
using System.Text.Json;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.CaseFiles;
using Dunning.Bot.Tests.Channels.WebChat;
using PdfSharp.Pdf.IO;

namespace Dunning.Bot.Tests.Staff;

/// <summary>The owner decides a proposed deal (the debtor is told in the web chat) and exports the case file.</summary>
public sealed class Deciding_deals_and_exporting_the_case_file : IDisposable
{
    private readonly StaffHost host = new();

    [Fact]
    public async Task Approving_a_proposal_puts_it_in_force_and_confirms_it_to_the_debtor_in_their_language()
    {
        var chat = await host.LinkedChatAsync();
        var agreementId = await ProposeAsync();
        using var owner = await host.SignedInAsync("olga");
        var before = (await chat.PollAsync()).Activities.Length;

        var response = await StaffHost.PostFormAsync(owner, "/console/cases/D-100", new() { ["agreementId"] = agreementId }, "/console/cases/D-100?handler=Approve");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var agreement = await host.Get<IAgreementStore>().FindAsync(agreementId, CancellationToken.None);
        Assert.Equal((AgreementState.Active, "olga"), (agreement!.State, agreement.DecidedBy));
        var invoice = await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None);
        Assert.Equal($"agreement {agreementId}", invoice!.Pause!.Reason);
        var dunningCase = await host.Get<ICaseStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None);
        Assert.Equal(AgreementDesk.StartOf(new DateOnly(2026, 12, 11), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")), dunningCase!.NextActionAt);
        Assert.Contains(dunningCase.History, a => a.Kind == CaseActionKinds.Agreement && a.Actor == "olga");
        Assert.Empty(await host.Get<IEscalationStore>().ListOpenAsync(CancellationToken.None));
        var told = Assert.Single((await chat.PollAsync()).Activities.Skip(before));
        Assert.Contains("Vereinbarung zur Rechnung RE-100 festgehalten", told.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Sie zahlen 119,00 € bis zum 10.12.2026.", told.GetProperty("text").GetString(), StringComparison.Ordinal);

        var again = await StaffHost.PostFormAsync(owner, "/console/cases/D-100", new() { ["agreementId"] = agreementId }, "/console/cases/D-100?handler=Approve");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Rejecting_a_proposal_tells_the_debtor_with_the_owners_sentence()
    {
        var chat = await host.LinkedChatAsync();
        var agreementId = await ProposeAsync();
        using var owner = await host.SignedInAsync("olga");

        var response = await StaffHost.PostFormAsync(owner, "/console/cases/D-100", new() { ["agreementId"] = agreementId, ["reason"] = "Wir bieten Ihnen zwei Raten an." },
            "/console/cases/D-100?handler=Reject");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AgreementState.Rejected, (await host.Get<IAgreementStore>().FindAsync(agreementId, CancellationToken.None))!.State);
        Assert.Null((await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None))!.Pause);
        var told = (await chat.PollAsync()).Activities[^1].GetProperty("text").GetString();
        Assert.Contains("können ihr leider nicht zustimmen. Wir bieten Ihnen zwei Raten an.", told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_case_file_holds_parties_amounts_reminders_promises_objections_and_messages()
    {
        var chat = await host.LinkedChatAsync();
        await chat.SayAsync("I want to talk to a real person", "c2");
        await ProposeAsync();
        var cases = host.Get<ICaseStore>();
        await cases.UpdateAsync(StaffHost.DebtorId, c =>
        {
            c.Advance(StaffHost.InvoiceNumber, 2);
            c.Record(new CaseAction(new DateTimeOffset(2026, 9, 20, 8, 0, 0, TimeSpan.Zero), CaseActionKinds.Reminder, "First reminder", "webchat", [StaffHost.InvoiceNumber], "bot"));
            c.Record(new CaseAction(new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero), CaseActionKinds.Reminder, "Second reminder", "telegram", [StaffHost.InvoiceNumber], "bot"));
            c.Record(new CaseAction(new DateTimeOffset(2026, 10, 6, 9, 0, 0, TimeSpan.Zero), CaseActionKinds.Promise, "Deferral: 119.00 EUR by 2026-10-20", null, [StaffHost.InvoiceNumber], "bot"));
            c.Record(new CaseAction(new DateTimeOffset(2026, 10, 7, 9, 0, 0, TimeSpan.Zero), CaseActionKinds.Dispute, "Dispute: the second lamp never arrived", "webchat", [StaffHost.InvoiceNumber], "debtor"));
        }, CancellationToken.None);
        using var owner = await host.SignedInAsync("olga");

        var json = await owner.GetAsync("/console/cases/D-100/file.json");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        var file = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Erika Muster", file.GetProperty("debtor").GetProperty("name").GetString());
        var invoice = file.GetProperty("invoices")[0];
        Assert.Equal("RE-100", invoice.GetProperty("number").GetString());
        Assert.Equal(119m, invoice.GetProperty("principal").GetDecimal());
        Assert.True(invoice.GetProperty("interest").GetDecimal() > 0m, "default interest runs on an invoice overdue since September");
        var due = invoice.GetProperty("due").GetDecimal();
        Assert.Equal(119m + invoice.GetProperty("interest").GetDecimal() + invoice.GetProperty("fees").GetDecimal(), due);
        Assert.Equal(due, file.GetProperty("totalDue")[0].GetProperty("amount").GetDecimal());
        Assert.Equal(["webchat", "telegram"], file.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("channel").GetString()));
        Assert.Equal("Deferral: 119.00 EUR by 2026-10-20", file.GetProperty("promises")[0].GetProperty("summary").GetString());
        Assert.Contains("lamp never arrived", file.GetProperty("objections")[0].GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("AwaitingApproval", file.GetProperty("agreements")[0].GetProperty("state").GetString());
        Assert.Contains(file.GetProperty("escalations").EnumerateArray(), e => e.GetProperty("reason").GetString() == "RequestHuman");
        Assert.Contains(file.GetProperty("transcript").EnumerateArray(), m => m.GetProperty("text").GetString() == "I want to talk to a real person");

        var pdf = await owner.GetAsync("/console/cases/D-100/file.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 1);
        Assert.Equal("Fallakte Erika Muster (D-100)", document.Info.Title);
    }

    [Fact]
    public void Without_an_installed_font_the_pdf_names_what_to_install()
    {
        Assert.Null(SystemFontResolver.Find(_ => false));
        Assert.Contains("apt-get install fonts-dejavu-core", SystemFontResolver.MissingMessage, StringComparison.Ordinal);
        Assert.NotNull(SystemFontResolver.Find(path => path.Contains("liberation", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_hostile_transcript_still_renders_a_pdf()
    {
        await host.Get<ITranscriptStore>().AppendAsync(new TranscriptEntry("webchat/x", StaffHost.DebtorId, host.Clock.GetUtcNow(), TranscriptDirection.Inbound,
            "message", new string('W', 20_000) + " <script>alert(1)</script> \u202e\u0000 ü € \ud83d\ude00"), CancellationToken.None);
        var file = await host.Get<CaseFileBuilder>().BuildAsync(StaffHost.DebtorId, "olga", CancellationToken.None);

        var bytes = host.Get<CaseFilePdf>().Render(file!);

        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 2, "a 20,000-character word wraps over many lines");
    }

    [Fact]
    public async Task An_unknown_debtor_has_no_case_file()
    {
        using var staff = await host.SignedInAsync("sam");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/console/cases/nobody/file.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/console/cases/nobody")).StatusCode);
    }

    private async Task<string> ProposeAsync()
    {
        var debtor = await host.Get<IDebtorStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None);
        var terms = new NegotiationTerms(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2026, 12, 10), 119m)]);
        var escalation = await host.Get<AgreementDesk>().ProposeAsync(debtor!, terms, [StaffHost.InvoiceNumber], EscalationReason.ApprovalRequired,
            "deferral beyond the limit", null, CancellationToken.None);
        var detail = escalation.Detail!;
        return detail[(detail.IndexOf("(proposal ", StringComparison.Ordinal) + 10)..^1];
    }

    public void Dispose() => host.Dispose();
}
