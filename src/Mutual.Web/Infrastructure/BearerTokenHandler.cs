using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Mutual.Core.Accounts;
using Mutual.Core.ApiKeys;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Opaque bearer tokens looked up by hash; revocable and shared by every app node through the database.
/// The same header carries API keys (<c>mk_…</c>), which act for their organization within their scopes.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SignInService signIn, ApiKeySignIn apiKeys,
    BearerTokenCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed bearer token.");
        if (token.StartsWith(ApiKey.Prefix, StringComparison.Ordinal))
        {
            var key = await apiKeys.AuthenticateAsync(token, Context.RequestAborted);
            return key is null ? AuthenticateResult.Fail("Unknown, expired or revoked API key.")
                : AuthenticateResult.Success(new AuthenticationTicket(ActorClaims.ToPrincipal(key.Value.Account, key.Value.Key, SchemeName), SchemeName));
        }
        var session = cache.Get(token);
        if (session is null)
        {
            session = await signIn.AuthenticateTokenAsync(token, Context.RequestAborted);
            if (session is null) return AuthenticateResult.Fail("Unknown or expired bearer token.");
            cache.Set(token, session);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(ActorClaims.ToPrincipal(session.Account, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
