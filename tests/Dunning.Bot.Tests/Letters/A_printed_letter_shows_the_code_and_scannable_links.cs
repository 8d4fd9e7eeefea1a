using System.Net;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Letters;
using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Letters;

/// <summary>
/// The first-contact letter, printed and read back as a person would: its text, and the QR codes on the rendered page
/// decoded like a phone camera does.
/// </summary>
public sealed class A_printed_letter_shows_the_code_and_scannable_links : IDisposable
{
    private readonly LetterHost host = new();

    [PopplerFact]
    public async Task The_German_letter_shows_the_access_code_the_address_and_the_invoice_and_its_QR_codes_open_both_chats_and_pay()
    {
        using var http = host.Owner();

        using var response = await http.GetAsync(new Uri("/api/v1/debtors/D-1/letter.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = Poppler.Text(pdf);
        Assert.Matches(@"Ihr persönlicher Zugangscode\s+K7MP9XQ2", text);
        Assert.Contains("Müller Haustechnik GmbH", text, StringComparison.Ordinal);
        Assert.Matches(@"Frau\s+Erika Muster\s+Hauptstraße 5", text);
        Assert.Contains("Hauptstraße 5", text, StringComparison.Ordinal);
        Assert.Contains("10115 Berlin", text, StringComparison.Ordinal);
        Assert.Contains("Sehr geehrte Frau Muster,", text, StringComparison.Ordinal);
        Assert.Contains("RE-100", text, StringComparison.Ordinal);
        Assert.Contains("119,00 €", text, StringComparison.Ordinal);
        Assert.Contains("26.11.2026", text, StringComparison.Ordinal);
        Assert.Contains("DE89 3704 0044 0532 0130 00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("access code", text, StringComparison.OrdinalIgnoreCase);

        var codes = Poppler.QrCodes(pdf);
        Assert.Contains("http://localhost:5080/chat?t=tok_d1_abcdefghijklmnopqrst", codes);
        Assert.Contains($"https://t.me/{LetterHost.TelegramBot}?start=tok_d1_abcdefghijklmnopqrst", codes);
        var giro = Assert.Single(codes, c => c.StartsWith("BCD\n", StringComparison.Ordinal));
        Assert.Contains("EUR119.00", giro, StringComparison.Ordinal);
        Assert.Contains("RE-100", giro, StringComparison.Ordinal);
    }

    [PopplerFact]
    public async Task The_English_debtor_gets_an_English_letter_with_the_country_and_the_owner_may_choose_German()
    {
        using var http = host.Owner();

        var english = Poppler.Text(await http.GetByteArrayAsync(new Uri("/api/v1/debtors/D-2/letter.pdf", UriKind.Relative)));
        var german = Poppler.Text(await http.GetByteArrayAsync(new Uri("/api/v1/debtors/D-2/letter.pdf?lang=de", UriKind.Relative)));

        Assert.Matches(@"Your personal access code\s+P4RW8TZ3", english);
        Assert.Contains("Attn. Ms Jones", english, StringComparison.Ordinal);
        Assert.Contains("UNITED KINGDOM", english, StringComparison.Ordinal);
        Assert.Contains("€480.50", english, StringComparison.Ordinal);
        Assert.Matches(@"Ihr persönlicher Zugangscode\s+P4RW8TZ3", german);
        Assert.Contains("480,50 €", german, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Printing_marks_the_debtor_so_the_batch_of_new_debtors_leaves_them_out()
    {
        var letters = host.Get<FirstContactLetters>();
        Assert.Equal(["D-1", "D-2"], (await letters.NewDebtorsAsync(CancellationToken.None)).Select(d => d.Id));
        using var http = host.Owner();

        using var response = await http.GetAsync(new Uri("/api/v1/debtors/D-1/letter.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["D-2"], (await letters.NewDebtorsAsync(CancellationToken.None)).Select(d => d.Id));
        var history = (await host.Get<ICaseStore>().FindAsync("D-1", CancellationToken.None))!.History;
        var entry = Assert.Single(history, a => a.Kind == CaseActionKinds.Letter);
        Assert.Equal("api", entry.Actor);
        Assert.Equal(["RE-100"], entry.InvoiceNumbers!);
        Assert.DoesNotContain("K7MP9XQ2", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paid_up_debtor_is_not_new()
    {
        await host.Get<IInvoiceStore>().UpdateAsync("RE-100", i => i.Settle(new DateOnly(2026, 11, 20)), CancellationToken.None);

        var fresh = await host.Get<FirstContactLetters>().NewDebtorsAsync(CancellationToken.None);

        Assert.Equal(["D-2"], fresh.Select(d => d.Id));
    }

    [Theory]
    [InlineData("/api/v1/debtors/D-1/letter.pdf?lang=fr", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/debtors/D-1/letter.pdf?lang=", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/debtors/nobody/letter.pdf", HttpStatusCode.NotFound)]
    public async Task A_bad_language_or_an_unknown_debtor_gets_a_problem_and_records_nothing(string path, HttpStatusCode expected)
    {
        using var http = host.Owner();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain((await host.Get<ICaseStore>().FindAsync("D-1", CancellationToken.None))!.History, a => a.Kind == CaseActionKinds.Letter);
    }

    [Fact]
    public async Task Without_the_owner_key_there_is_no_letter()
    {
        using var http = host.Host.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("/api/v1/debtors/D-1/letter.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [PopplerFact]
    public async Task A_batch_is_one_document_with_each_letter_on_its_own_pages()
    {
        var letters = host.Get<FirstContactLetters>();
        var batch = await letters.BuildAsync(await letters.NewDebtorsAsync(CancellationToken.None), null, CancellationToken.None);

        var pdf = host.Get<LetterPdf>().Render(batch);

        var pages = Poppler.Text(pdf).Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Contains("K7MP9XQ2", pages[0], StringComparison.Ordinal);
        Assert.Contains("Seite 1 von 1", pages[0], StringComparison.Ordinal);
        Assert.Contains("P4RW8TZ3", pages[1], StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", pages[1], StringComparison.Ordinal);
        Assert.Contains("Geschäftsführerin: Anna Müller", pages[1], StringComparison.Ordinal);
    }

    public void Dispose() => host.Dispose();
}
