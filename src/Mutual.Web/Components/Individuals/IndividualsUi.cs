using Mutual.Core.Consent;
using MudBlazor;

namespace Mutual.Web.Components.Individuals;

/// <summary>Plain words for scopes and consent states, phrased once for the individual's and the vendor's pages.</summary>
public static class IndividualsUi
{
    /// <summary>What a scope opens, as a person would say it.</summary>
    public static string ScopeLabel(string scope) => scope switch
    {
        ConsentScopes.Email => "Email addresses",
        ConsentScopes.Phone => "Phone numbers",
        ConsentScopes.Postal => "Postal addresses",
        ConsentScopes.Preferences => "Preferences",
        _ => scope,
    };

    public static string ScopeHint(string scope) => scope switch
    {
        ConsentScopes.Email => "so they can write to you",
        ConsentScopes.Phone => "so they can call or text you",
        ConsentScopes.Postal => "so they can deliver or invoice",
        ConsentScopes.Preferences => "the preferences you listed in your profile",
        _ => "",
    };

    public static string StatusLabel(string status) => status switch
    {
        ConsentStatus.Proffered => "Awaiting their answer",
        ConsentStatus.Active => "Active",
        ConsentStatus.Declined => "Declined",
        ConsentStatus.Revoked => "Revoked",
        ConsentStatus.Expired => "Expired",
        _ => status,
    };

    /// <summary>The same state as the organization reads it: the terms wait for it, not for the individual.</summary>
    public static string VendorStatusLabel(string status) =>
        status == ConsentStatus.Proffered ? "Terms to answer" : StatusLabel(status);

    public static string StatusIcon(string status) => status switch
    {
        ConsentStatus.Proffered => Icons.Material.Outlined.HourglassTop,
        ConsentStatus.Active => Icons.Material.Outlined.CheckCircle,
        ConsentStatus.Declined => Icons.Material.Outlined.DoNotDisturbOn,
        ConsentStatus.Revoked => Icons.Material.Outlined.Block,
        ConsentStatus.Expired => Icons.Material.Outlined.EventBusy,
        _ => Icons.Material.Outlined.Circle,
    };

    public static string Scopes(IEnumerable<string> scopes) => string.Join(", ", scopes.Select(ScopeLabel));

    public static string DecisionLabel(string action) => action switch
    {
        "accepted" => "Accepted",
        "declined" => "Declined",
        "proffered" => "Proffered",
        _ => action,
    };
}
