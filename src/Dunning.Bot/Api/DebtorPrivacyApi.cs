using Dunning.Bot.Hosting;
using Dunning.Bot.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Api;

/// <summary>
/// <c>/api/v1/debtors/{id}</c>: rotate the proofs, export everything about a debtor, erase a debtor. Each call is written
/// to the console's audit log as <c>api:&lt;key name&gt;</c>.
/// </summary>
internal static class DebtorPrivacyApi
{
    public static RouteGroupBuilder MapDebtorPrivacy(this RouteGroupBuilder api)
    {
        var debtors = api.MapGroup("/debtors").WithTags("Debtors");
        debtors.MapPost("/{id}/rotate", RotateAsync).WithSummary("Replace the debtor's link token and access code");
        debtors.MapGet("/{id}/export", ExportAsync).WithSummary("Everything stored about the debtor, as JSON");
        debtors.MapDelete("/{id}", EraseAsync).WithSummary("Erase the debtor's personal data and conversations; bookkeeping is kept pseudonymized");
        return api;
    }

    internal static async Task<Results<Ok<DebtorResponse>, ProblemHttpResult>> RotateAsync(
        string id, HttpContext http, DebtorProofs proofs, IOptions<BotOptions> bot, CancellationToken ct) =>
        await proofs.RotateAsync(id, Actor(http), ct) is { } debtor
            ? TypedResults.Ok(DebtorResponse.From(debtor, bot.Value.ChatLink(debtor.LinkToken)))
            : Problems.NotFound($"No debtor with id '{id}'.");

    internal static async Task<Results<Ok<DebtorExportFile>, ProblemHttpResult>> ExportAsync(
        string id, HttpContext http, DebtorExport export, CancellationToken ct) =>
        await export.BuildAsync(id, Actor(http), ct) is { } file
            ? TypedResults.Ok(file)
            : Problems.NotFound($"No debtor with id '{id}'.");

    internal static async Task<Results<Ok<ErasedResponse>, ProblemHttpResult>> EraseAsync(
        string id, HttpContext http, DebtorErasure erasure, CancellationToken ct) =>
        await erasure.EraseAsync(id, Actor(http), ct)
            ? TypedResults.Ok(new ErasedResponse(id, "Personal data and conversations erased; invoices, payments and agreements kept under a pseudonym."))
            : Problems.NotFound($"No debtor with id '{id}'.");

    private static string Actor(HttpContext http) => $"api:{http.Items[ApiGate.CallerItem]}";
}

/// <summary>The answer to an erasure.</summary>
public sealed record ErasedResponse(string Id, string Detail);
