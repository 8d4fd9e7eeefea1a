using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Bot.Api;

/// <summary>Debtor ids and invoice numbers: 1–64 characters of letters, digits, <c>. _ - /</c>.</summary>
internal static class Identifiers
{
    public static bool IsValid(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/');

    public static ValidationProblem Problem(string field, string value) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            [field] = [$"'{Truncate(value)}' is not valid: use 1–64 letters, digits, '.', '_', '-' or '/'."],
        });

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
