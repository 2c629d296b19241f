using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Anything a client can send that fails before a handler runs (malformed JSON, a wrong type, a
/// non-numeric limit) is a 400 problem naming the field; everything else is a 500 without internals.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        if (exception is BadHttpRequestException bad)
        {
            http.Response.StatusCode = bad.StatusCode;
            var errors = new Dictionary<string, string[]>();
            if (bad.InnerException is JsonException json)
                errors[string.IsNullOrEmpty(json.Path) ? "$" : json.Path] = [json.Message.Split(" Path:")[0]];
            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == 400 ? "The request is invalid." : "The request cannot be processed.",
                Detail = bad.InnerException is JsonException ? "The body is not valid JSON for this request." : bad.Message,
            };
            if (errors.Count > 0) problem.Extensions["errors"] = errors;
            return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem, Exception = exception });
        }
        log.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
        http.Response.StatusCode = 500;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = new() { Status = 500, Title = "Something went wrong on our side.", Detail = "The error was logged; nothing was changed." },
        });
    }
}
