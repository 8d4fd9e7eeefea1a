using System.Net;
using Dunning.Bot.Banking;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Tests.Staff;
using static Dunning.Bot.Tests.Banking.StatementFiles;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// The staff console's bank page over real HTTP (Kestrel on loopback, LiteDB file): the owner uploads a statement and sees
/// the report; the review queue shows each uncertain credit with its suggestion and confidence, reversals and unmatched
/// credits; confirm, assign elsewhere and dismiss are the owner's, audited, and a second or out-of-order decision changes nothing.
/// </summary>
public sealed class The_bank_page_in_the_console : IDisposable
{
    private const string Other = "RE-200";
    private readonly StaffHost host = new();

    public The_bank_page_in_the_console()
    {
        var debtor = new Debtor { Id = "D-200", Name = "Hansa Logistik KG", AccessCode = "AC200", LinkToken = "tok_d200_abcdefghijklmnop" };
        var invoice = Invoice.Create(Other, "D-200", new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30), "EUR", 300m);
        host.Get<IInvoiceStore>().SaveBatchAsync([debtor], [invoice], [new DunningCase { DebtorId = "D-200" }], CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>RE-100 paid €50 by number (booked), €20 with "RE-1OO" (O for 0: to review), €30 from a stranger (unmatched).</summary>
    private static string Statement() => Camt053(
        new Camt("C-1", 50m, Unstructured("Erika Muster", "RE-100"), Booked: "2026-11-25"),
        new Camt("C-2", 20m, Unstructured("Erika Muster", "Rechnung RE-1OO"), Booked: "2026-11-25"),
        new Camt("C-3", 30m, Unstructured("Unbekannt AG", "Spende"), Booked: "2026-11-25"));

    [Fact]
    public async Task The_owner_uploads_a_statement_and_sees_booked_to_review_and_unmatched()
    {
        using var owner = await host.SignedInAsync("olga");

        var response = await BankPage.UploadAsync(owner, Statement());
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("3 entries: 1 booked, 1 to review, 1 unmatched, 0 already booked (skipped), 0 refused", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-reference=\"C-1\">", html, StringComparison.Ordinal);
        var review = Section(html, "review");
        Assert.Contains("data-key=\"C-2\"", review, StringComparison.Ordinal);
        Assert.Contains("invoice number with confused characters (O for 0, I for 1), confidence 75%", review, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"suggested\">RE-100</strong>", review, StringComparison.Ordinal);
        Assert.Contains("data-key=\"C-3\"", Section(html, "unmatched"), StringComparison.Ordinal);
        Assert.Equal(50m, await PaidAsync(StaffHost.InvoiceNumber));
        Assert.Contains(await AuditAsync(), a => a is { Action: "import-bank-statement", Actor: "olga" } && a.After!.Contains("\"booked\":1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_statement_uploaded_twice_books_nothing_twice()
    {
        using var owner = await host.SignedInAsync("olga");
        await BankPage.UploadAsync(owner, Statement());

        var again = await (await BankPage.UploadAsync(owner, Statement())).Content.ReadAsStringAsync();

        Assert.Contains("3 entries: 0 booked, 1 to review, 1 unmatched, 1 already booked (skipped)", again, StringComparison.Ordinal);
        Assert.Equal(50m, await PaidAsync(StaffHost.InvoiceNumber));
        Assert.Equal(2, (await host.Get<IBankReviewStore>().ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Confirming_books_the_suggestion_once_and_a_second_click_changes_nothing()
    {
        using var owner = await host.SignedInAsync("olga");
        await BankPage.UploadAsync(owner, Statement());

        var confirmed = await BankPage.PressAsync(owner, "Confirm", new() { ["key"] = "C-2" });
        var page = await owner.GetStringAsync(BankPage.Path);
        var twice = await BankPage.PressAsync(owner, "Confirm", new() { ["key"] = "C-2" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("The payment was booked on RE-100.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-key=\"C-2\"", Section(page, "review"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("olga has already decided this entry (assigned); nothing was changed.", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(70m, await PaidAsync(StaffHost.InvoiceNumber));
        Assert.Contains(await AuditAsync(), a => a is { Action: "assign-bank-entry", Actor: "olga", DebtorId: StaffHost.DebtorId });
    }

    [Fact]
    public async Task An_unmatched_credit_is_assigned_to_an_invoice_found_by_the_debtors_name()
    {
        using var owner = await host.SignedInAsync("olga");
        await BankPage.UploadAsync(owner, Statement());

        var found = Section(await owner.GetStringAsync(BankPage.Path + "?q=hansa"), "search");
        var unknown = await BankPage.PressAsync(owner, "Reassign", new() { ["key"] = "C-3", ["invoices"] = "RE-999" });
        var assigned = await BankPage.PressAsync(owner, "Reassign", new() { ["key"] = "C-3", ["invoices"] = Other });

        Assert.Contains("<td>RE-200</td>", found, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Contains("Unknown invoice: RE-999. Nothing was booked.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(30m, await PaidAsync(Other));
    }

    [Fact]
    public async Task A_dismissed_credit_can_be_neither_confirmed_nor_assigned_afterwards()
    {
        using var owner = await host.SignedInAsync("olga");
        await BankPage.UploadAsync(owner, Statement());

        var dismissed = await BankPage.PressAsync(owner, "Dismiss", new() { ["key"] = "C-2", ["note"] = "Rückzahlung eines Lieferanten" });
        var confirm = await BankPage.PressAsync(owner, "Confirm", new() { ["key"] = "C-2" });
        var assign = await BankPage.PressAsync(owner, "Reassign", new() { ["key"] = "C-2", ["invoices"] = Other });
        var ghost = await BankPage.PressAsync(owner, "Dismiss", new() { ["key"] = "NO-SUCH-KEY" });

        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.NotFound), (confirm.StatusCode, assign.StatusCode, ghost.StatusCode));
        Assert.Contains("(dismissed); nothing was changed.", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((50m, 0m), (await PaidAsync(StaffHost.InvoiceNumber), await PaidAsync(Other)));
        Assert.Contains(await AuditAsync(), a => a is { Action: "dismiss-bank-entry", Actor: "olga" } && a.After!.Contains("Lieferanten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_see_the_queue_but_every_change_is_the_owners()
    {
        using (var owner = await host.SignedInAsync("olga"))
            await BankPage.UploadAsync(owner, Statement());
        using var staff = await host.SignedInAsync("sam");

        var page = await staff.GetStringAsync(BankPage.Path);
        var upload = await BankPage.UploadAsync(staff, Camt053(new Camt("S-1", 69m, Unstructured("Erika Muster", "RE-100"), Booked: "2026-11-25")));
        var confirm = await BankPage.PressAsync(staff, "Confirm", new() { ["key"] = "C-2" });
        var reverse = await BankPage.PressAsync(staff, "Reverse", new() { ["reference"] = "C-1", ["reason"] = "test" });

        Assert.Contains("data-key=\"C-2\"", Section(page, "review"), StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Confirm", page, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (upload.StatusCode, confirm.StatusCode, reverse.StatusCode));
        Assert.Equal(50m, await PaidAsync(StaffHost.InvoiceNumber));
        Assert.Equal(2, (await host.Get<IBankReviewStore>().ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_decision_without_the_antiforgery_token_is_rejected()
    {
        using var owner = await host.SignedInAsync("olga");
        await BankPage.UploadAsync(owner, Statement());

        var response = await owner.PostAsync(BankPage.Path + "?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = "C-2" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(50m, await PaidAsync(StaffHost.InvoiceNumber));
    }

    [Fact]
    public async Task The_owner_reverses_a_booked_payment_once_and_the_claim_opens_again()
    {
        using var owner = await host.SignedInAsync("olga");
        await BankPage.UploadAsync(owner, Camt053(new Camt("FULL-1", 500m, Unstructured("Erika Muster", "RE-100"), Booked: "2026-11-25")));
        Assert.NotNull((await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None))!.SettledOn);

        var noReason = await BankPage.PressAsync(owner, "Reverse", new() { ["reference"] = "FULL-1", ["reason"] = "" });
        var reversed = await BankPage.PressAsync(owner, "Reverse", new() { ["reference"] = "FULL-1", ["reason"] = "Rücklastschrift der Bank" });
        var twice = await BankPage.PressAsync(owner, "Reverse", new() { ["reference"] = "FULL-1", ["reason"] = "noch einmal" });
        var unknown = await BankPage.PressAsync(owner, "Reverse", new() { ["reference"] = "NOPE", ["reason"] = "Tippfehler" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Redirect, HttpStatusCode.Conflict, HttpStatusCode.NotFound),
            (noReason.StatusCode, reversed.StatusCode, twice.StatusCode, unknown.StatusCode));
        Assert.Matches("The payment FULL-1 was already reversed on [^<]*2026 by olga; nothing was changed.", await twice.Content.ReadAsStringAsync());
        var invoice = (await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None))!;
        Assert.Equal((0m, (DateOnly?)null, 1), (invoice.Paid, invoice.SettledOn, invoice.Reversals.Count));
        Assert.Contains(await AuditAsync(), a => a is { Action: "reverse-payment", Actor: "olga", DebtorId: StaffHost.DebtorId });
    }

    [Fact]
    public async Task A_reversal_in_the_statement_waits_as_a_proposal_and_is_confirmed_as_a_reversal_not_a_payment()
    {
        using var owner = await host.SignedInAsync("olga");
        await BankPage.UploadAsync(owner, Camt053(new Camt("PAY-7", 40m, Unstructured("Erika Muster", "RE-100"), Booked: "2026-11-20")));

        var html = await (await BankPage.UploadAsync(owner, Camt053(new Camt("RV-7", 40m,
            "<Refs><AcctSvcrRef>PAY-7</AcctSvcrRef></Refs>" + Unstructured("Erika Muster", "RUECKUEBERWEISUNG RE-100"), Direction: "DBIT", Reversal: true, Booked: "2026-11-25"))))
            .Content.ReadAsStringAsync();
        var reversals = Section(html, "reversals");
        var assign = await BankPage.PressAsync(owner, "Reassign", new() { ["key"] = "RV-7", ["invoices"] = Other });
        Assert.Equal(40m, await PaidAsync(StaffHost.InvoiceNumber));
        var confirm = await BankPage.PressAsync(owner, "Confirm", new() { ["key"] = "RV-7" });

        Assert.Contains("Reversal of the payment PAY-7 on RE-100.", reversals, StringComparison.Ordinal);
        Assert.Contains("Confirm reversal", reversals, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, assign.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal((0m, 0m), (await PaidAsync(StaffHost.InvoiceNumber), await PaidAsync(Other)));
        Assert.Contains(await AuditAsync(), a => a is { Action: "confirm-bank-reversal", Actor: "olga" });
    }

    [Fact]
    public async Task A_transfer_for_two_invoices_that_pays_part_is_shown_split_oldest_due_first_and_booked_so_on_confirm()
    {
        using var owner = await host.SignedInAsync("olga");

        var html = await (await BankPage.UploadAsync(owner, Camt053(new Camt("SPLIT-1", 200m, Unstructured("Erika Muster", "RE-100 und RE-200"), Booked: "2026-11-25"))))
            .Content.ReadAsStringAsync();
        var review = Section(html, "review");
        var confirmed = await BankPage.PressAsync(owner, "Confirm", new() { ["key"] = "SPLIT-1" });

        Assert.Contains("One transfer for several invoices that does not settle all of them.", review, StringComparison.Ordinal);
        Assert.Matches(@"<li>RE-100: €119\.00</li>\s*<li>RE-200: €81\.00</li>", review);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal((119m, 81m), (await PaidAsync(StaffHost.InvoiceNumber), await PaidAsync(Other)));
    }

    [Fact]
    public async Task The_page_reads_in_german_for_a_german_staff_member()
    {
        using var owner = await host.SignedInAsync("olga", "de-DE");
        var html = await (await BankPage.UploadAsync(owner, Statement())).Content.ReadAsStringAsync();

        Assert.Contains("3 Umsätze: 1 gebucht, 1 zur Prüfung, 1 nicht zugeordnet", html, StringComparison.Ordinal);
        Assert.Contains("Unsichere Zuordnungen (1)", html, StringComparison.Ordinal);
        Assert.Contains("Rechnungsnummer mit verwechselten Zeichen (O statt 0, I statt 1), Sicherheit 75 %", html, StringComparison.Ordinal);
        Assert.Contains("Keine Rechnungsnummer im Verwendungszweck, und der Zahler ist kein bekannter Schuldner.", html, StringComparison.Ordinal);
        Assert.Contains("Kosten 0,00 €, Zinsen", html, StringComparison.Ordinal);
    }

    private async Task<decimal> PaidAsync(string number) => (await host.Get<IInvoiceStore>().FindAsync(number, CancellationToken.None))!.Paid;

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() => host.Get<IAuditLog>().ListAsync(null, 50, CancellationToken.None);

    /// <summary>The HTML of the page's section with this id (up to the next section).</summary>
    internal static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    public void Dispose() => host.Dispose();
}
