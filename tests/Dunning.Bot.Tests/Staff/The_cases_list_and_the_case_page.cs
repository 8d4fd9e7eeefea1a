using System.Globalization;
using System.Net;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// The Cases list shows each debtor's open amount (from the claim), stage, status and next step, filtered and sorted;
/// the case page puts the pending decision first and shows the owner the access code and the chat links.
/// </summary>
public sealed class The_cases_list_and_the_case_page : IDisposable
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private readonly StaffHost host = new(new() { ["Telegram:BotUsername"] = "muster_bot" });

    public The_cases_list_and_the_case_page()
    {
        var store = host.Get<IInvoiceStore>();
        Debtor Debtor(string id, string name) => new() { Id = id, Name = name, AccessCode = "AC" + id[2..], LinkToken = "tok_" + id + "_abcdefghijklmnop" };
        var notDue = Invoice.Create("RE-200", "D-200", new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 20), "EUR", 500m);
        var disputed = Invoice.Create("RE-300", "D-300", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1), "EUR", 80m);
        disputed.MarkDisputed("the lamp never arrived");
        var paid = Invoice.Create("RE-400", "D-400", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 15), "EUR", 50m);
        paid.RecordPayment(new Payment(new DateOnly(2026, 10, 10), 50m, "transfer"));
        paid.Settle(new DateOnly(2026, 10, 10));
        var second = new DunningCase { DebtorId = "D-300" };
        second.Advance("RE-300", 2);
        store.SaveBatchAsync([Debtor("D-200", "Anton Zeller"), Debtor("D-300", "Berta Bau"), Debtor("D-400", "Carl Paid")], [notDue, disputed, paid],
            [new DunningCase { DebtorId = "D-200" }, second, new DunningCase { DebtorId = "D-400" }], CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Each_case_shows_what_is_open_its_stage_its_status_and_the_next_step()
    {
        using var owner = await host.SignedInAsync("olga");
        var erika = (await host.Get<IDebtorStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None))!;
        var statement = await host.Get<InvoiceStatements>().ForDebtorAsync(erika, CancellationToken.None);
        var open = DebtorStatement.TotalsByCurrency(statement.Open).Single().Rounded();

        var page = await owner.GetStringAsync("/console/cases");

        Assert.Contains($"€{open.Amount.ToString("N2", English)}", Row(page, "D-100"), StringComparison.Ordinal);
        Assert.Contains("Overdue", Row(page, "D-100"), StringComparison.Ordinal);
        Assert.Contains("Friendly reminder on", Row(page, "D-100"), StringComparison.Ordinal);
        Assert.Contains("€500.00", Row(page, "D-200"), StringComparison.Ordinal);
        Assert.Contains("Not yet due", Row(page, "D-200"), StringComparison.Ordinal);
        Assert.Contains("First payment request", Row(page, "D-300"), StringComparison.Ordinal);
        Assert.Contains("Disputed", Row(page, "D-300"), StringComparison.Ordinal);
        Assert.Contains("Settled", Row(page, "D-400"), StringComparison.Ordinal);
        Assert.Contains(">Erika Muster</a>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?status=Disputed", new[] { "D-300" })]
    [InlineData("?stage=2", new[] { "D-300" })]
    [InlineData("?q=zeller", new[] { "D-200" })]
    [InlineData("?sort=open&desc=true", new[] { "D-200", "D-100", "D-300", "D-400" })]
    [InlineData("?sort=name&desc=true", new[] { "D-100", "D-400", "D-300", "D-200" })]
    [InlineData("?sort=status", new[] { "D-300", "D-100", "D-200", "D-400" })]
    [InlineData("?status=%3Cscript%3E&stage=abc&sort=drop%20table", new[] { "D-200", "D-300", "D-400", "D-100" })]
    public async Task The_list_filters_and_sorts_and_ignores_what_it_does_not_know(string query, string[] expected)
    {
        using var owner = await host.SignedInAsync("olga");

        var response = await owner.GetAsync("/console/cases" + query);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, System.Text.RegularExpressions.Regex.Matches(page, "data-debtor=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pending_decision_stands_first_and_only_the_owner_can_take_it()
    {
        var id = await ProposeAsync();
        using var owner = await host.SignedInAsync("olga");
        using var staff = await host.SignedInAsync("sam");

        var page = await owner.GetStringAsync("/console/cases/D-100");
        var staffPage = await staff.GetStringAsync("/console/cases/D-100");

        var decision = page.IndexOf("id=\"decisions\"", StringComparison.Ordinal);
        Assert.InRange(decision, 0, page.IndexOf(">Invoices</h2>", StringComparison.Ordinal));
        Assert.True(page.IndexOf($"data-approve=\"{id}\"", StringComparison.Ordinal) > decision);
        Assert.Contains("Waiting for your decision (1)", page, StringComparison.Ordinal);
        Assert.Contains("id=\"decisions\"", staffPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-approve=", staffPage, StringComparison.Ordinal);
        Assert.Contains("The owner decides on this proposal.", staffPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_sees_the_access_code_and_the_chat_links_and_staff_do_not()
    {
        using var owner = await host.SignedInAsync("olga");
        using var staff = await host.SignedInAsync("sam");

        var page = await owner.GetStringAsync("/console/cases/D-100");
        var staffPage = await staff.GetStringAsync("/console/cases/D-100");

        Assert.Contains("<code data-access-code>AC100</code>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost:5080/chat?t=tok_d100_abcdefghijklmnop\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://t.me/muster_bot?start=tok_d100_abcdefghijklmnop\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("AC100", staffPage, StringComparison.Ordinal);
        Assert.DoesNotContain("tok_d100", staffPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_action_the_page_is_fetched_again_without_the_handler()
    {
        var id = await ProposeAsync();
        using var owner = await host.SignedInAsync("olga", "de-DE");

        var approved = await StaffHost.PostFormAsync(owner, "/console/cases/D-100", new() { ["agreementId"] = id }, "/console/cases/D-100?handler=Approve");
        var paid = await StaffHost.PostFormAsync(owner, "/console/cases/D-100", new() { ["number"] = StaffHost.InvoiceNumber, ["amount"] = "19.50" },
            "/console/cases/D-100?handler=Payment");

        Assert.Equal((HttpStatusCode.Redirect, "/console/cases/D-100"), (approved.StatusCode, approved.Headers.Location!.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/console/cases/D-100"), (paid.StatusCode, paid.Headers.Location!.OriginalString));
        var page = await owner.GetStringAsync("/console/cases/D-100");
        Assert.Contains("Zahlung über 19,50 € vom 26.11.2026 zu RE-100 erfasst", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_badge_shows_only_on_pages_that_update_themselves()
    {
        using var owner = await host.SignedInAsync("olga");

        foreach (var live in new[] { "/console", "/console/cases/D-100" })
            Assert.Contains("id=\"live\"", await owner.GetStringAsync(live), StringComparison.Ordinal);
        foreach (var still in new[] { "/console/cases", "/console/audit", "/console/insights" })
            Assert.DoesNotContain("id=\"live\"", await owner.GetStringAsync(still), StringComparison.Ordinal);
    }

    private async Task<string> ProposeAsync()
    {
        var debtor = await host.Get<IDebtorStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None);
        var terms = new NegotiationTerms(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2026, 12, 10), 119m)]);
        await host.Get<AgreementDesk>().ProposeAsync(debtor!, terms, [StaffHost.InvoiceNumber], EscalationReason.ApprovalRequired, "deferral", null, CancellationToken.None);
        return (await host.Get<IAgreementStore>().ListByStateAsync(AgreementState.AwaitingApproval, CancellationToken.None)).Single().Id;
    }

    private static string Row(string page, string debtorId)
    {
        var start = page.IndexOf($"data-debtor=\"{debtorId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {debtorId}.");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    public void Dispose() => host.Dispose();
}
