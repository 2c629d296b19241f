using Mutual.Core.Individuals;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

/// <summary>The actor's own profiles: an individual's personal profile, an organization's vendor profile.</summary>
public static class ProfileApi
{
    public static void MapProfileApi(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Individuals");

        me.MapGet("/profile", async (MyProfile profiles, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await profiles.GetAsync(ct), p => p.Version))
        .WithSummary("Your own profile as an individual: name, emails, phones, addresses, preferences (404 when you act for an organization)")
        .Produces<ProfileDto>().ProducesProblem(404);

        me.MapPut("/profile", async (ProfileRequest request, MyProfile profiles, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await profiles.PutAsync(request, ApiResults.IfMatch(http), ct), p => p.Version))
        .WithSummary("Replace your profile (individuals only; If-Match). Addresses are { label?, line1, line2?, city, region?, postalCode?, country }; preferences a flat object of text")
        .Produces<ProfileDto>().ProducesValidationProblem().ProducesProblem(412).ProducesProblem(422);

        me.MapGet("/vendor-profile", async (VendorProfiles profiles, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await profiles.GetAsync(ct), p => p.Version))
        .WithSummary("Your organization's vendor profile: the categories it sells and the territories it serves")
        .Produces<VendorProfileDto>().ProducesProblem(404);

        me.MapPut("/vendor-profile", async (VendorProfileRequest request, VendorProfiles profiles, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await profiles.PutAsync(request, ApiResults.IfMatch(http), ct), p => p.Version))
        .WithSummary("Create or replace your organization's vendor profile: category slugs and ISO 3166 territories (organizations only; If-Match)")
        .Produces<VendorProfileDto>().ProducesValidationProblem().ProducesProblem(412).ProducesProblem(422);
    }
}
