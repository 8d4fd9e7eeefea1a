using System.Text.Json;
using Dunning.Bot.Banking;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Staff.Actions;
using Dunning.Bot.Staff.Wording;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Pages;

/// <summary>
/// The bank page: a statement upload (the same <see cref="BankImporter"/> as the API and the verb, its report shown at
/// once), the review queue — uncertain matches with their suggestion and confidence (confirm, assign to other invoices,
/// dismiss), proposed reversals (confirm, dismiss) and unmatched credits — a search for open invoices to assign to, and
/// the reversal of a booked payment. Everyone signed in sees the page; every change is the owner's (403 for staff) and
/// audited. Decisions redirect (post/redirect/get); the upload answers with its report (importing again books nothing twice).
/// </summary>
public sealed partial class BankModel(BankImporter importer, IBankReviewStore review, BankReviewDesk desk, BankReversals reversals,
    IAuditLog audit, IOptions<BankingOptions> banking) : ConsolePage
{
    /// <summary>The page's own words (<c>dialogs/console_bank.*.yaml</c>).</summary>
    public ConsoleWords W => T.From("console_bank");

    public BankingOptions Banking => banking.Value;

    public bool IsOwner => User.IsInRole(StaffRoles.Owner);

    /// <summary>The report of the statement just uploaded (null on a plain visit).</summary>
    public BankImportReport? Report { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>Waiting entries with a suggested match (the uncertain ones, split payments among them).</summary>
    public IReadOnlyList<BankReviewEntry> Uncertain { get; private set; } = [];

    /// <summary>Waiting reversal entries (with the payment they would undo, or none found).</summary>
    public IReadOnlyList<BankReviewEntry> Reversals { get; private set; } = [];

    /// <summary>Waiting credits nothing was suggested for.</summary>
    public IReadOnlyList<BankReviewEntry> Unmatched { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await SearchAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? statement, bool dryRun, CancellationToken cancellationToken)
    {
        if (!IsOwner)
            return StatusCode(StatusCodes.Status403Forbidden);
        if (statement is null || statement.Length == 0)
            return await ProblemAsync(StatusCodes.Status400BadRequest, W["refused_no_file"], cancellationToken);
        if (statement.Length > Banking.MaxBytes)
            return await ProblemAsync(StatusCodes.Status413PayloadTooLarge, W.Format("refused_too_large", new { limit = Banking.MaxFileMegabytes }), cancellationToken);
        FileName = Path.GetFileName(statement.FileName) is { Length: > 0 and <= 200 } name ? name : "statement";
        await using (var stream = statement.OpenReadStream())
            Report = await importer.ImportAsync(stream, dryRun, cancellationToken);
        await audit.WriteAsync(new AuditEntry(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), Actor.UserName,
            dryRun ? "check-bank-statement" : "import-bank-statement", $"statement {FileName}", null, JsonSerializer.Serialize(new
            {
                Report.Format, Report.Entries, booked = Report.Booked.Count, review = Report.Review.Count, already = Report.AlreadyBooked.Count,
                refused = Report.Refused.Count, skipped = Report.Skipped.Count, refusal = Report.Refusal,
            })), cancellationToken);
        await LoadAsync(cancellationToken);
        if (Report.Refusal is not null)
            Response.StatusCode = Report.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public Task<IActionResult> OnPostReverseAsync(string? reference, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(() => reversals.ReverseAsync(reference, reason, Actor.UserName, cancellationToken), "done_reversed", new { reference = reference?.Trim() }, cancellationToken);

    /// <summary>The words of <paramref name="refusal"/> in the staff member's language.</summary>
    public string Words(BankRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        if (refusal.Key == "refused_decided" && refusal.Model is { } model)
        {
            var outcome = (string?)model.GetType().GetProperty("outcome")?.GetValue(model) ?? "";
            var by = (string?)model.GetType().GetProperty("by")?.GetValue(model) ?? "";
            return W.Format(refusal.Key, new { outcome = W.Has("outcome_" + outcome) ? W["outcome_" + outcome] : outcome, by });
        }
        return W.Has(refusal.Key) ? W.Format(refusal.Key, refusal.Model ?? new { }) : refusal.Detail;
    }

    /// <summary>An owner's decision: done → back to the page with the message; refused → the page with the reason, nothing changed.</summary>
    private async Task<IActionResult> DecideAsync(Func<Task<BankRefusal?>> decide, string done, object model, CancellationToken cancellationToken)
    {
        if (!IsOwner)
            return await OutcomeAsync(StaffResult.Forbidden("result_owner_only"), () => Task.FromResult<IActionResult>(Page()));
        var refusal = await decide();
        var result = refusal is null ? StaffResult.Done(W.Format(done, model))
            : refusal.NotFound ? StaffResult.NotFound(Words(refusal))
            : refusal.Key is "refused_invoice_count" or "refused_note_long" or "refused_reason_needed" or "refused_reference_needed" ? StaffResult.Invalid(Words(refusal))
            : StaffResult.Conflict(Words(refusal));
        return await OutcomeAsync(result, async () =>
        {
            await LoadAsync(cancellationToken);
            return Page();
        });
    }

    private async Task<IActionResult> ProblemAsync(int status, string problem, CancellationToken cancellationToken)
    {
        ViewData["Problem"] = problem;
        await LoadAsync(cancellationToken);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var waiting = await review.ListAsync(cancellationToken);
        Reversals = [.. waiting.Where(e => e.Item.IsReversal || e.Item.Reason.StartsWith("reversal", StringComparison.Ordinal))];
        Uncertain = [.. waiting.Except(Reversals).Where(e => e.Item.Suggestions.Count > 0)];
        Unmatched = [.. waiting.Except(Reversals).Where(e => e.Item.Suggestions.Count == 0)];
    }
}
