using System.Net;
using System.Text;
using Dunning.Bot.Banking;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Staff;
using static Dunning.Bot.Tests.Banking.StatementFiles;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// Hostile and malformed files on the console's bank page (Banking:MaxFileMegabytes = 1): each gets a clear answer on the
/// page with a fitting status, and nothing is booked or queued.
/// </summary>
public sealed class Bad_uploads_on_the_bank_page_change_nothing : IDisposable
{
    private readonly StaffHost host = new(new() { ["Banking:MaxFileMegabytes"] = "1" });

    public static TheoryData<string, byte[], int, string> Files
    {
        get
        {
            var valid = Camt053(new Camt("B-1", 50m, Unstructured("Erika Muster", "RE-100"), Booked: "2026-11-25"));
            return new()
            {
                { "a PDF that is no statement", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"), 422, "neither camt.053 XML nor an MT940 statement" },
                { "truncated XML", Encoding.UTF8.GetBytes(valid[..^40]), 422, "malformed XML" },
                { "an entity bomb", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><Document>&b;</Document>"), 422, "DTD" },
                { "an external entity", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document>&x;</Document>"), 422, "DTD" },
                { "an empty file", [], 400, "Please choose a file." },
                { "a file over the cap", Encoding.UTF8.GetBytes(valid + new string(' ', 1024 * 1024)), 413, "larger than 1 MB" },
                { "another currency", Encoding.UTF8.GetBytes(Camt053("EUR", new Camt("B-2", 50m, Unstructured("Erika Muster", "RE-100"), Ccy: "USD", Booked: "2026-11-25"))), 200, "The entry is in USD, not in the account's currency." },
            };
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_bad_file_gets_a_clear_answer_and_books_nothing(string what, byte[] content, int status, string answer)
    {
        using var owner = await host.SignedInAsync("olga");

        var response = await BankPage.UploadAsync(owner, content, "kontoauszug.xml");
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(status == (int)response.StatusCode, $"{what}: {(int)response.StatusCode}");
        Assert.Contains(answer, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(0m, (await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None))!.Paid);
        Assert.Empty(await host.Get<IBankReviewStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_form_without_the_file_field_is_asked_for_a_file()
    {
        using var owner = await host.SignedInAsync("olga");

        var response = await BankPage.UploadAsync(owner, Encoding.UTF8.GetBytes("x"), "x.xml", field: "something-else");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Please choose a file.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_shows_what_would_be_booked_and_books_nothing()
    {
        using var owner = await host.SignedInAsync("olga");

        var html = await (await BankPage.UploadAsync(owner, Camt053(new Camt("D-1", 50m, Unstructured("Erika Muster", "RE-100"), Booked: "2026-11-25")), dryRun: true))
            .Content.ReadAsStringAsync();

        Assert.Contains("Dry run: nothing was booked.", html, StringComparison.Ordinal);
        Assert.Contains("1 entries: 1 booked", html, StringComparison.Ordinal);
        Assert.Equal(0m, (await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None))!.Paid);
    }

    [Fact]
    public async Task A_hostile_file_name_and_remittance_text_are_shown_as_text_not_markup()
    {
        using var owner = await host.SignedInAsync("olga");

        var html = await (await BankPage.UploadAsync(owner, Camt053(new Camt("X-1", 5m, Unstructured("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"), Booked: "2026-11-25")),
            "<b>evil</b>.xml")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>evil</b>", html, StringComparison.Ordinal);
    }

    public void Dispose() => host.Dispose();
}
