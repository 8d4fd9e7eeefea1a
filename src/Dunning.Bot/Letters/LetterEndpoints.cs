using System.Security.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Staff;
using Dunning.Bot.Staff.CaseFiles;
using Dunning.Bot.Staff.Actions;

namespace Dunning.Bot.Letters;

/// <summary>
/// The first-contact letter as PDF: <c>GET /api/v1/debtors/{id}/letter.pdf</c> (owner API key) and
/// <c>GET /console/cases/{id}/letter.pdf</c> (console sign-in, audited); <c>?lang=de|en</c> overrides the debtor's
/// language. Printing records a <see cref="CaseActionKinds.Letter"/> entry, so the debtor no longer counts as new.
/// </summary>
internal static class LetterEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGroup("/api/v1/debtors").WithTags("Debtors")
            .MapGet("/{id}/letter.pdf", ApiAsync)
            .WithSummary("The debtor's printable first-contact letter (access code, chat QR codes, GiroCode) as PDF; ?lang=de|en");
        app.MapGroup("/console").RequireAuthorization(StaffRoles.AnyPolicy)
            .MapGet("/cases/{debtorId}/letter.pdf", ConsoleAsync);
    }

    private static Task<IResult> ApiAsync(string id, string? lang, FirstContactLetters letters, LetterPdf pdf, CancellationToken cancellationToken) =>
        PrintAsync(id, lang, "api", letters, pdf, cancellationToken);

    private static async Task<IResult> ConsoleAsync(string debtorId, string? lang, ClaimsPrincipal user, FirstContactLetters letters, LetterPdf pdf,
        StaffRecords records, CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(user);
        var result = await PrintAsync(debtorId, lang, actor.UserName, letters, pdf, cancellationToken);
        if (result is IStatusCodeHttpResult { StatusCode: null or 200 })
            await records.WriteAsync(actor, debtorId, "letter-pdf", $"first-contact letter {debtorId}", null, null, null, cancellationToken);
        return result;
    }

    private static async Task<IResult> PrintAsync(string debtorId, string? lang, string actor, FirstContactLetters letters, LetterPdf pdf,
        CancellationToken cancellationToken)
    {
        if (lang is not null && !Debtor.Languages.Contains(lang))
            return Results.Problem(statusCode: 400, title: "Unknown language", detail: $"Use lang={string.Join(" or lang=", Debtor.Languages)}, or leave it out for the debtor's language.");
        if (await letters.BuildAsync(debtorId, lang, cancellationToken) is not { } letter)
            return Results.Problem(statusCode: 404, title: "No such debtor", detail: $"There is no debtor {debtorId}.");
        byte[] bytes;
        try
        {
            bytes = pdf.Render(letter);
        }
        catch (CaseFileFontMissingException ex)
        {
            return Results.Problem(statusCode: 503, title: "No font for the PDF", detail: ex.Message);
        }
        await letters.MarkPrintedAsync(letter, actor, cancellationToken);
        return Results.File(bytes, "application/pdf", LetterFiles.Name(debtorId));
    }
}
