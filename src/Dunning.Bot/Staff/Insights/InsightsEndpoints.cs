using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Staff.Insights;

/// <summary>
/// The insights for download: <c>GET /console/insights.csv</c> (console sign-in) and, for the owner's tools,
/// <c>GET /api/v1/insights</c> (JSON with the advice) and <c>GET /api/v1/insights.csv</c> (owner API key);
/// <c>?lang=de|en</c> sets the language of labels and advice (else the browser's, else German).
/// </summary>
internal static class InsightsEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/console/insights.csv", CsvAsync).RequireAuthorization(StaffRoles.AnyPolicy);
        var api = app.MapGroup("/api/v1").WithTags("Insights");
        api.MapGet("/insights", JsonAsync).WithSummary("Objections by meaning with advice, promise reliability and recovery per ladder stage; ?lang=de|en");
        api.MapGet("/insights.csv", CsvAsync).WithSummary("The insights as one CSV table (a 'section' column per part); ?lang=de|en");
    }

    private static async Task<IResult> CsvAsync(HttpRequest request, string? lang, InsightsReport report, InsightsCsv csv, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (Invalid(lang) is { } problem)
            return problem;
        var insights = await report.BuildAsync(cancellationToken);
        return Results.File(csv.Write(insights, RequestLanguage.Of(request, lang)), "text/csv; charset=utf-8",
            $"insights-{clock.GetUtcNow():yyyy-MM-dd}.csv");
    }

    private static async Task<IResult> JsonAsync(HttpRequest request, string? lang, InsightsReport report, InsightsAdvice advice, CancellationToken cancellationToken)
    {
        if (Invalid(lang) is { } problem)
            return problem;
        var insights = await report.BuildAsync(cancellationToken);
        return Results.Ok(new { insights, advice = advice.For(insights, RequestLanguage.Of(request, lang)) });
    }

    private static IResult? Invalid(string? lang) => lang is null || Debtor.Languages.Contains(lang)
        ? null
        : Results.Problem(statusCode: 400, title: "Unknown language", detail: $"Use lang={string.Join(" or lang=", Debtor.Languages)}, or leave it out.");
}
