using Dunning.Bot.Banking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Api;

/// <summary>
/// <c>POST /api/v1/bank-statements</c> (the raw camt.053 or MT940 file as the body, at most Banking:MaxFileMegabytes;
/// <c>?dryRun=true</c> books nothing) and <c>GET /api/v1/bank-statements/review</c> (the entries waiting for the owner).
/// </summary>
internal static class BankStatementsApi
{
    public const string Path = "/api/v1/bank-statements";

    public static RouteGroupBuilder MapBankStatements(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/bank-statements").WithTags("Bank statements");
        group.MapPost("/", ImportAsync).Accepts<string>("application/xml", "text/plain", "application/octet-stream")
            .WithSummary("Import a camt.053 / camt.054 or MT940 statement; credits are matched to invoices and booked.");
        group.MapGet("/review", ListReviewAsync).WithSummary("Statement entries waiting for the owner to assign them.");
        group.MapPost("/review/{key}/assignment", AssignAsync).WithSummary("Book a waiting entry on the invoices named (split oldest due first); audited.");
        group.MapPost("/review/{key}/dismissal", IgnoreAsync).WithSummary("Take a waiting entry off the queue without booking it; audited.");
        group.MapPost("/review/{key}/reversal", ConfirmReversalAsync).WithSummary("Confirm a proposed reversal: the booked payment it names is undone; audited.");
        group.MapPost("/payments/{reference}/reversal", ReverseAsync)
            .WithSummary("Reverse a booked payment by its reference on every invoice it was booked on: the claims open again; audited. 404 unknown, 409 reversed already.");
        return api;
    }

    internal static async Task<Results<Ok<BankImportReport>, UnprocessableEntity<BankImportReport>, ProblemHttpResult>> ImportAsync(
        HttpContext http, BankImporter importer, IOptions<BankingOptions> options, bool? dryRun, CancellationToken ct)
    {
        // ApiGate has already refused a declared length over the cap and set the server's limit for chunked bodies.
        BankImportReport report;
        try
        {
            report = await importer.ImportAsync(http.Request.Body, dryRun ?? false, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options.Value);
        }
        if (report.TooLarge)
            return TooLarge(options.Value);
        return report.Refusal is null ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    internal static async Task<Ok<IReadOnlyList<BankReviewEntry>>> ListReviewAsync(IBankReviewStore review, CancellationToken ct) =>
        TypedResults.Ok(await review.ListAsync(ct));

    /// <summary>The invoices a review entry is booked on, and who decided (the API key's name when absent).</summary>
    public sealed record AssignmentRequest(IReadOnlyList<string>? Invoices, string? By);

    public sealed record DismissalRequest(string? Note, string? By);

    /// <summary>Why a booked payment is reversed, and who decided (the API key's name when absent).</summary>
    public sealed record ReversalRequest(string? Reason, string? By);

    public sealed record DecisionRequest(string? By);

    internal static async Task<Results<NoContent, ProblemHttpResult>> AssignAsync(string key, AssignmentRequest body, BankReviewDesk desk, HttpContext http, CancellationToken ct) =>
        await desk.AssignAsync(key, body?.Invoices ?? [], Actor(http, body?.By), ct) is { } refusal ? Refused(refusal) : TypedResults.NoContent();

    internal static async Task<Results<NoContent, ProblemHttpResult>> IgnoreAsync(string key, DismissalRequest body, BankReviewDesk desk, HttpContext http, CancellationToken ct) =>
        await desk.IgnoreAsync(key, Actor(http, body?.By), body?.Note, ct) is { } refusal ? Refused(refusal) : TypedResults.NoContent();

    internal static async Task<Results<NoContent, ProblemHttpResult>> ConfirmReversalAsync(string key, DecisionRequest? body, BankReviewDesk desk, HttpContext http, CancellationToken ct) =>
        await desk.ConfirmReversalAsync(key, Actor(http, body?.By), ct) is { } refusal ? Refused(refusal) : TypedResults.NoContent();

    internal static async Task<Results<NoContent, ProblemHttpResult>> ReverseAsync(string reference, ReversalRequest body, BankReversals reversals, HttpContext http, CancellationToken ct)
    {
        if (await reversals.ReverseAsync(reference, body?.Reason, Actor(http, body?.By), ct) is not { } refusal)
            return TypedResults.NoContent();
        return refusal.NotFound
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such payment", detail: refusal.Detail + " Nothing was changed.")
            : TypedResults.Problem(statusCode: refusal.Key is "refused_reason_needed" or "refused_reference_needed" ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict,
                title: "Payment not reversed", detail: refusal.Detail + " Nothing was changed.");
    }

    private static string Actor(HttpContext http, string? by) =>
        "api:" + (string.IsNullOrWhiteSpace(by) ? http.User.Identity?.Name ?? "key" : by.Trim()[..Math.Min(by.Trim().Length, 100)]);

    private static ProblemHttpResult Refused(BankRefusal refusal) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Review entry not changed", detail: refusal.Detail + " Nothing was booked.");

    private static ProblemHttpResult TooLarge(BankingOptions options) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Statement too large",
            detail: $"The statement is larger than {options.MaxFileMegabytes} MB (Banking:MaxFileMegabytes); nothing was booked.");
}
