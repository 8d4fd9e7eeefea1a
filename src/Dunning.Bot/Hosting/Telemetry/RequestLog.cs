using System.Diagnostics;

namespace Dunning.Bot.Hosting.Telemetry;

/// <summary>
/// One structured line per HTTP request: method, the matched route template (so ids, tokens and codes in the path never
/// reach the log), status and milliseconds. A 401 on Direct Line or a 404 on a mistyped path leaves a trace this way.
/// Query strings, headers and bodies are never logged.
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError; // what the exception handler outside answers on a throw
        try
        {
            await next(context).ConfigureAwait(false);
            status = context.Response.StatusCode;
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched(status);
            Handled(logger, context.Request.Method, "/" + route.TrimStart('/'), status, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
        }
    }

    /// <summary>No route matched: the path itself is not told, since it may carry a token.</summary>
    private static string Unmatched(int status) => status == StatusCodes.Status404NotFound ? "(no route)" : "(static or middleware)";

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Route} answered {Status} in {Milliseconds} ms")]
    private static partial void Handled(ILogger logger, string method, string route, int status, double milliseconds);
}
