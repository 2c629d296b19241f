using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mutual.Web.Infrastructure;

/// <summary>Declares the bearer scheme in the OpenAPI document so clients and the API reference can send a token.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Mutual API";
        document.Info.Description = "The relationship network: parties, relationships and two-way conversations. "
            + "Errors are RFC 9457 problem details; lists paginate by opaque cursor; updates take If-Match.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A token from POST /api/v1/auth/login.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
