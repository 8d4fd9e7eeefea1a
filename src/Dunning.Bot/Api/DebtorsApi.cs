using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Api;

/// <summary><c>/api/v1/debtors</c>: create, update and read debtors.</summary>
internal static class DebtorsApi
{
    public static RouteGroupBuilder MapDebtors(this RouteGroupBuilder api)
    {
        var debtors = api.MapGroup("/debtors").WithTags("Debtors");
        debtors.MapGet("/", ListAsync).WithSummary("All debtors");
        debtors.MapGet("/{id}", GetAsync).WithSummary("One debtor with access code and chat link");
        debtors.MapPut("/{id}", PutAsync).WithSummary("Create or update a debtor");
        return api;
    }

    internal static async Task<Ok<DebtorResponse[]>> ListAsync(IDebtorStore store, IOptions<BotOptions> bot, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(ct)).Select(d => DebtorResponse.From(d, bot.Value.ChatLink(d.LinkToken))).ToArray());

    internal static async Task<Results<Ok<DebtorResponse>, ProblemHttpResult>> GetAsync(
        string id, IDebtorStore store, IOptions<BotOptions> bot, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } debtor
            ? TypedResults.Ok(DebtorResponse.From(debtor, bot.Value.ChatLink(debtor.LinkToken)))
            : Problems.NotFound($"No debtor with id '{id}'.");

    internal static async Task<Results<Ok<DebtorResponse>, Created<DebtorResponse>, ValidationProblem>> PutAsync(
        string id, DebtorRequest body, IDebtorStore store, IOptions<BotOptions> bot, CancellationToken ct)
    {
        if (!Identifiers.IsValid(id))
            return Identifiers.Problem("id", id);
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["A name of 1–200 characters is required."] });

        if (body.PreferredChannel is { Length: > 0 } channel && !ChannelKind.IsKnown(channel))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["preferredChannel"] = [$"Use one of {string.Join(", ", ChannelKind.All)} (or an empty string)."] });
        if (new[] { body.ContactPerson, body.Salutation }.Any(v => v is { Length: > 100 } || v?.Any(char.IsControl) == true))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["contactPerson"] = ["Contact person and salutation: one line of at most 100 characters each."] });
        if (new[] { body.Street, body.City }.Any(v => v is { Length: > 100 } || v?.Any(char.IsControl) == true)
            || body.PostalCode is { } zip && (zip.Length > 12 || !zip.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-')))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["street"] = ["Street and city: one line of at most 100 characters each; postal code: up to 12 letters, digits, spaces or dashes."] });

        var debtor = await store.FindAsync(id, ct);
        var created = debtor is null;
        debtor ??= new Debtor { Id = id, Name = body.Name, AccessCode = DebtorSecrets.NewAccessCode(), LinkToken = DebtorSecrets.NewLinkToken() };
        debtor.Update(body.Name.Trim(), body.Kind, body.Language, body.TimeZone, body.Country, body.State, body.Email);
        debtor.ContactPerson = Optional(body.ContactPerson, debtor.ContactPerson);
        debtor.Salutation = Optional(body.Salutation, debtor.Salutation);
        debtor.PreferredChannel = Optional(body.PreferredChannel, debtor.PreferredChannel);
        debtor.AlsoByEmail = body.AlsoByEmail ?? debtor.AlsoByEmail;
        debtor.Street = Optional(body.Street, debtor.Street);
        debtor.PostalCode = Optional(body.PostalCode, debtor.PostalCode);
        debtor.City = Optional(body.City, debtor.City);
        await store.SaveAsync(debtor, ct);

        var response = DebtorResponse.From(debtor, bot.Value.ChatLink(debtor.LinkToken));
        return created ? TypedResults.Created($"/api/v1/debtors/{Uri.EscapeDataString(id)}", response) : TypedResults.Ok(response);
    }

    /// <summary>Null keeps the current value, an empty string clears it.</summary>
    private static string? Optional(string? given, string? current) => given is null ? current : given.Trim() is { Length: > 0 } value ? value : null;
}
