using System.Text.Json;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.AspNetCore.Diagnostics;

namespace Dunning.Bot.Api;

/// <summary>
/// Turns the exceptions that mean "bad input" into problem+json with a clear detail; anything else
/// stays a 500 without internals. Malformed JSON names the path and position that failed.
/// </summary>
internal sealed class ApiProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, "Request body too large", exception.Message),
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, "Malformed JSON", $"{json.Message}"),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            DomainException => (422, "Invalid data", exception.Message),
            ConcurrencyConflictException => (409, "Changed by someone else", exception.Message),
            _ => (0, "", ""),
        };
        if (status == 0)
            return false;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
            Exception = exception,
        });
    }
}
