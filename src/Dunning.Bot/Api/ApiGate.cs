using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Api;

/// <summary>
/// Runs before routing binds anything under <c>/api</c>: a request without a configured API key gets
/// 401 problem+json, and a body over <see cref="ApiOptions.MaxBodyBytes"/> (bank statements: Banking:MaxFileMegabytes) is refused with 413.
/// </summary>
internal static class ApiGate
{
    public const string CallerItem = "api.caller";

    public static void Use(IApplicationBuilder api) => api.Use(async (http, next) =>
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<ApiOptions>>().CurrentValue;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();

        if (ApiKeys.Match(options.Keys, http.Request.Headers[ApiKeys.HeaderName].ToString()) is not { } caller)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeys.HeaderName}\"";
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = 401, Title = "Missing or wrong API key", Detail = $"Send a configured key in the {ApiKeys.HeaderName} header." },
            });
            return;
        }
        // Bank statements are files, not JSON: they have their own, larger cap (Banking:MaxFileMegabytes).
        var limit = http.Request.Path.StartsWithSegments(BankStatementsApi.Path)
            ? http.RequestServices.GetRequiredService<IOptions<Banking.BankingOptions>>().Value.MaxBytes
            : options.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = 413, Title = "Request body too large", Detail = $"The body has {http.Request.ContentLength} bytes; the limit is {limit}." },
            });
            return;
        }
        // Chunked bodies without a length are cut off by the server at the same limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        http.Items[CallerItem] = caller;
        await next(http);
    });
}
