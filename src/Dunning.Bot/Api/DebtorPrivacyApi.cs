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
        return api;
    }

    internal static async Task<Results<Ok<DebtorResponse>, ProblemHttpResult>> RotateAsync(
        string id, HttpContext http, DebtorProofs proofs, IOptions<BotOptions> bot, CancellationToken ct) =>
        await proofs.RotateAsync(id, Actor(http), ct) is { } debtor
            ? TypedResults.Ok(DebtorResponse.From(debtor, bot.Value.ChatLink(debtor.LinkToken)))
            : Problems.NotFound($"No debtor with id '{id}'.");

    private static string Actor(HttpContext http) => $"api:{http.Items[ApiGate.CallerItem]}";
}
