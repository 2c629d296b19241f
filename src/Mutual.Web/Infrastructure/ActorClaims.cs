using System.Security.Claims;
using Mutual.Core.Access;
using Mutual.Core.Accounts;

namespace Mutual.Web.Infrastructure;

/// <summary>The actor travels in the principal: account, acting party and person, whether from a bearer token or the cookie.</summary>
public static class ActorClaims
{
    public const string Account = "mutual:account";
    public const string Party = "mutual:party";
    public const string Person = "mutual:person";
    public const string Admin = "mutual:admin";
    public const string ApiKey = "mutual:apikey";
    public const string Scope = "mutual:scope";

    public static ClaimsPrincipal ToPrincipal(Account account, string scheme)
    {
        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new Claim(ClaimTypes.Name, account.Email),
            new Claim(Account, account.Id.ToString()),
            new Claim(Party, account.ActingPartyId.ToString()),
            new Claim(Person, account.PersonPartyId.ToString()),
        ];
        if (account.IsAdmin) claims.Add(new Claim(Admin, "true"));
        return new(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>An API key acts for its organization as the account that created it, never as an admin, within its scopes.</summary>
    public static ClaimsPrincipal ToPrincipal(Account account, Core.ApiKeys.ApiKey key, string scheme)
    {
        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(Account, account.Id.ToString()),
            new Claim(Party, key.OwnerPartyId.ToString()),
            new Claim(Person, account.PersonPartyId.ToString()),
            new Claim(ApiKey, key.Id.ToString()),
        ];
        claims.AddRange(key.Scopes.Select(s => new Claim(Scope, s)));
        return new(new ClaimsIdentity(claims, scheme));
    }

    public static Actor ToActor(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Actor.Anonymous;
        return Guid.TryParse(user.FindFirstValue(Party), out var party)
            && Guid.TryParse(user.FindFirstValue(Person), out var person)
            && Guid.TryParse(user.FindFirstValue(Account), out var account)
                ? new Actor(party, person, account) { IsAdmin = user.HasClaim(Admin, "true") }
                : Actor.Anonymous;
    }
}
