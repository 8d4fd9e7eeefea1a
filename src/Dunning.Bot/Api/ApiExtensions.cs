using System.Text.Json.Serialization;
using Dunning.Bot.Privacy;
using Microsoft.AspNetCore.Http.Json;

namespace Dunning.Bot.Api;

/// <summary>Registers and maps the owners' REST API under <c>/api/v1</c> with its OpenAPI document.</summary>
internal static class ApiExtensions
{
    public static IHostApplicationBuilder AddDunningApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Dunning.Bot owner API";
            doc.Info.Description = $"Debtors, invoices, payments, pauses and cases. Authenticate with the {ApiKeys.HeaderName} header.";
            return Task.CompletedTask;
        }));
        builder.Services.AddExceptionHandler<ApiProblems>();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // null for a non-nullable member ("debtorId": null) is malformed input (400), not a crash further in.
            o.SerializerOptions.RespectNullableAnnotations = true;
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.AddDebtorPrivacy();
        return builder;
    }

    public static WebApplication MapDunningApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        // /api/messages is the Bot Framework endpoint (Teams): it authenticates with the connector's JWT, not an API key.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/api/messages"), ApiGate.Use);
        var api = app.MapGroup("/api/v1")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();
        api.MapDebtors().MapInvoices().MapCases().MapBankStatements();
        api.MapDebtorPrivacy();
        return app;
    }
}
