using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Mutual.Core.Accounts;

namespace Mutual.Web.Infrastructure;

/// <summary>The browser's sign-in: the same claims as a bearer token, in the cookie the UI circuit reads.</summary>
public static class CookieSignIn
{
    public static Task SignInAsync(HttpContext http, Account account) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            ActorClaims.ToPrincipal(account, CookieAuthenticationDefaults.AuthenticationScheme));
}
