using Mutual.Core.ApiKeys;

namespace Mutual.Web.Infrastructure;

/// <summary>Names the API area of an endpoint (or a whole group), for API-key scopes: <c>group.RequireArea("leads")</c>.</summary>
public sealed record ApiArea(string Name);

public static class ApiAreas
{
    public static TBuilder RequireArea<TBuilder>(this TBuilder builder, string area) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiArea(area));

    /// <summary>
    /// Narrows requests made with an API key to the key's scopes: GET and HEAD need <c>area:read</c>, anything
    /// else <c>area:write</c>. An endpoint without an area is closed to keys, so a new group is safe by default.
    /// Browser sessions and sign-in tokens are not affected.
    /// </summary>
    public static IApplicationBuilder UseApiKeyScopes(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is null || !http.User.HasClaim(c => c.Type == ActorClaims.ApiKey))
        {
            await next(http);
            return;
        }
        var area = endpoint.Metadata.GetMetadata<ApiArea>()?.Name;
        var write = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        var scope = area is null ? null : ApiScopes.For(area, write);
        if (scope is not null && http.User.HasClaim(ActorClaims.Scope, scope))
        {
            await next(http);
            return;
        }
        var detail = scope is null || !ApiScopes.IsKnown(scope)
            ? "This endpoint is not available to API keys; sign in as a person."
            : $"This API key lacks the scope '{scope}'.";
        await Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.").ExecuteAsync(http);
    });
}
