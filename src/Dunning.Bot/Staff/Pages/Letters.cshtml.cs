using Dunning.Bot.Core.Messages;
using Dunning.Bot.Letters;
using Dunning.Bot.Staff.CaseFiles;
using Dunning.Bot.Staff.Actions;
using Microsoft.AspNetCore.Mvc;

namespace Dunning.Bot.Staff.Pages;

/// <summary>
/// The debtors with open invoices who had no first-contact letter yet, and a button that prints theirs as one PDF (each
/// in the debtor's language) and notes them as written to, so the next import's new debtors are the next batch.
/// </summary>
public sealed class LettersModel(FirstContactLetters letters, LetterPdf pdf, StaffRecords records, MessageCatalogue catalogue) : ConsolePage
{
    public IReadOnlyList<Core.Domain.Debtor> NewDebtors { get; private set; } = [];

    public string Language { get; private set; } = "de";

    public string Say(string key) => catalogue.Render("console", key, Language);

    public string SayCount(string key, int count) => catalogue.Render("console", key, Language, new Dictionary<string, object?> { ["count"] = count });

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Language = RequestLanguage.Of(Request, null);
        NewDebtors = await letters.NewDebtorsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPrintAsync(CancellationToken cancellationToken)
    {
        var debtors = await letters.NewDebtorsAsync(cancellationToken);
        if (debtors.Count == 0)
            return Redirect(Request.Path);
        var batch = await letters.BuildAsync(debtors, null, cancellationToken);
        byte[] bytes;
        try
        {
            bytes = pdf.Render(batch);
        }
        catch (CaseFileFontMissingException ex)
        {
            return new ObjectResult(new ProblemDetails { Status = 503, Title = "No font for the PDF", Detail = ex.Message }) { StatusCode = 503 };
        }
        foreach (var letter in batch)
        {
            await letters.MarkPrintedAsync(letter, Actor.UserName, cancellationToken);
            await records.WriteAsync(Actor, letter.Debtor.Id, "letter-pdf", $"first-contact letter {letter.Debtor.Id} (batch)", null, null, null, cancellationToken);
        }
        return File(bytes, "application/pdf", "letters-new.pdf");
    }
}
