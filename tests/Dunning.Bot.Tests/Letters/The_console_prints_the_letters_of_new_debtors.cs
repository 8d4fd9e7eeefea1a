using System.Net;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Infrastructure;
using Dunning.Bot.Tests.Staff;

namespace Dunning.Bot.Tests.Letters;

/// <summary>The console's letters page lists the new debtors, prints their letters as one PDF, and the case page links the single letter.</summary>
public sealed class The_console_prints_the_letters_of_new_debtors : IDisposable
{
    private readonly StaffHost host = new();

    [PopplerFact]
    public async Task The_button_prints_one_pdf_for_the_new_debtors_and_then_there_are_none()
    {
        using var staff = await host.SignedInAsync("sam", "de-DE");
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync("/console/letters"));
        Assert.Contains("Ein neuer Schuldner mit offenen Rechnungen hat noch kein Anschreiben erhalten.", page, StringComparison.Ordinal);

        using var response = await StaffHost.PostFormAsync(staff, "/console/letters", [], "/console/letters?handler=Print");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"Ihr persönlicher Zugangscode\s+AC100", Poppler.Text(await response.Content.ReadAsByteArrayAsync()));
        var after = WebUtility.HtmlDecode(await staff.GetStringAsync("/console/letters"));
        Assert.Contains("Keine neuen Schuldner", after, StringComparison.Ordinal);
        var history = (await host.Get<ICaseStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None))!.History;
        Assert.Contains(history, a => a.Kind == CaseActionKinds.Letter && a.Actor == "sam");
    }

    [Fact]
    public async Task The_case_page_links_the_letter_and_the_letter_needs_a_sign_in()
    {
        using var staff = await host.SignedInAsync("sam");

        var page = await staff.GetStringAsync("/console/cases/D-100");
        using var letter = await staff.GetAsync("/console/cases/D-100/letter.pdf?lang=en");
        using var anonymous = await host.Browser().GetAsync("/console/cases/D-100/letter.pdf");
        using var unknown = await staff.GetAsync("/console/cases/nobody/letter.pdf");

        Assert.Contains("/console/cases/D-100/letter.pdf", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_prints_nothing()
    {
        using var staff = await host.SignedInAsync("sam");

        using var response = await staff.PostAsync("/console/letters?handler=Print", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain((await host.Get<ICaseStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None))!.History, a => a.Kind == CaseActionKinds.Letter);
    }

    public void Dispose() => host.Dispose();
}
