using Mutual.Core.Accounts;
using Mutual.Core.Individuals;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in").AllowAnonymous();

        auth.MapPost("/login", async (LoginRequest request, SignInService signIn, LoginThrottle throttle, HttpContext http, CancellationToken ct) =>
        {
            var email = request.Email ?? "";
            var address = http.Connection.RemoteIpAddress?.ToString();
            if (throttle.RetryAfter(email, address) is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem("Too many failed sign-ins; try again later.", statusCode: 429, title: "Too many requests.");
            }
            var account = await signIn.VerifyAsync(email, request.Password, ct);
            if (account is null)
            {
                throttle.Failed(email, address);
                return Results.Problem("The email or password is wrong.", statusCode: 401, title: "Unauthorized.");
            }
            throttle.Succeeded(email, address);
            return TypedResults.Ok(await signIn.IssueTokenAsync(account, ct));
        })
        .WithSummary("Exchange email and password for a bearer token")
        .Produces<TokenResponse>().ProducesProblem(401).ProducesProblem(429);

        auth.MapPost("/register", async (RegisterRequest request, Registration registration, RegistrationThrottle throttle, HttpContext http, CancellationToken ct) =>
        {
            if (throttle.Attempt(http.Connection.RemoteIpAddress?.ToString()) is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem("Too many sign-ups from your address; try again later.", statusCode: 429, title: "Too many requests.");
            }
            var result = await registration.RegisterAsync(request, ct);
            return result.IsOk ? TypedResults.Created("/api/v1/me", result.Value) : ApiResults.Problem(result);
        })
        .WithSummary("Join as an individual (a person who acts for themself): 201 with a bearer token, as from login")
        .Produces<TokenResponse>(201).ProducesValidationProblem().ProducesProblem(409).ProducesProblem(429);

        auth.MapPost("/accept-invitation", async (AcceptInvitationRequest request, InvitationService invitations, CancellationToken ct) =>
            ApiResults.Ok(await invitations.AcceptAsync(request, ct)))
        .WithSummary("Accept an invitation: set a password and get a bearer token")
        .Produces<TokenResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/me", async (HttpContext http, AccountSetup accounts, CancellationToken ct) =>
        {
            var actor = ActorClaims.ToActor(http.User);
            var me = await accounts.DescribeAsync(actor.AccountId, ct);
            return me is null ? Results.Problem(statusCode: 401, title: "Unauthorized.") : TypedResults.Ok(me);
        })
        .WithTags("Sign-in").WithSummary("Who is signed in and which party they act for").Produces<MeDto>();
    }
}
