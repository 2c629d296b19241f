using Mutual.Core.Access;

namespace Mutual.Web.Infrastructure;

/// <summary>Turns a use case's outcome into HTTP: one status per kind, RFC 9457 bodies, ETags on single resources.</summary>
public static class ApiResults
{
    public static IResult Problem<T>(Outcome<T> o) => o.Kind switch
    {
        OutcomeKind.Invalid => TypedResults.ValidationProblem(o.Errors, o.Detail, title: "The request is invalid."),
        OutcomeKind.NotFound => TypedResults.Problem(o.Detail, statusCode: 404, title: "Not found."),
        OutcomeKind.Conflict => TypedResults.Problem(o.Detail, statusCode: 409, title: "Conflict."),
        OutcomeKind.Stale => TypedResults.Problem(o.Detail, statusCode: 412, title: "Precondition failed."),
        OutcomeKind.Unprocessable => TypedResults.Problem(o.Detail, statusCode: 422, title: "Not possible in the current state."),
        OutcomeKind.TooLarge => TypedResults.Problem(o.Detail, statusCode: 413, title: "Too large."),
        _ => throw new InvalidOperationException("Not a failure."),
    };

    public static IResult Ok<T>(Outcome<T> o) => o.IsOk ? TypedResults.Ok(o.Value) : Problem(o);

    public static IResult Ok<T>(HttpContext http, Outcome<T> o, Func<T, long> version)
    {
        if (!o.IsOk) return Problem(o);
        SetETag(http, version(o.Value!));
        return TypedResults.Ok(o.Value);
    }

    public static IResult Created<T>(HttpContext http, Outcome<T> o, Func<T, string> location, Func<T, long>? version = null)
    {
        if (!o.IsOk) return Problem(o);
        if (version is not null) SetETag(http, version(o.Value!));
        return TypedResults.Created(location(o.Value!), o.Value);
    }

    public static void SetETag(HttpContext http, long version) => http.Response.Headers.ETag = $"\"{version}\"";

    /// <summary>
    /// The version an If-Match names: null when absent or <c>*</c> (no precondition); -1 when it cannot be
    /// one of ours, which then fails as stale.
    /// </summary>
    public static long? IfMatch(HttpContext http)
    {
        string? header = http.Request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return null;
        var tag = header.Split(',')[0].Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal)) tag = tag[2..];
        return long.TryParse(tag.Trim('"'), out var v) ? v : -1;
    }
}
