using System.Globalization;
using Mutual.Core.Consent;
using Mutual.Core.Intents;
using MudBlazor;

namespace Mutual.Web.Components.Intents;

/// <summary>Words for intent and offer states, money and terms, phrased once for the buyer's and the vendor's pages.</summary>
public static class IntentsUi
{
    public static string StatusLabel(string status) => status switch
    {
        IntentStatus.Open => "Open",
        IntentStatus.Accepted => "Accepted",
        IntentStatus.Withdrawn => "Withdrawn",
        IntentStatus.Expired => "Expired",
        _ => status,
    };

    public static string StatusIcon(string status) => status switch
    {
        IntentStatus.Open => Icons.Material.Outlined.Campaign,
        IntentStatus.Accepted => Icons.Material.Outlined.CheckCircle,
        IntentStatus.Withdrawn => Icons.Material.Outlined.Block,
        IntentStatus.Expired => Icons.Material.Outlined.EventBusy,
        _ => Icons.Material.Outlined.Circle,
    };

    public static string OfferLabel(string status) => status switch
    {
        OfferStatus.Pending => "Pending",
        OfferStatus.Accepted => "Accepted",
        OfferStatus.Declined => "Declined",
        OfferStatus.Withdrawn => "Withdrawn",
        _ => status,
    };

    public static string OfferIcon(string status) => status switch
    {
        OfferStatus.Pending => Icons.Material.Outlined.HourglassTop,
        OfferStatus.Accepted => Icons.Material.Outlined.CheckCircle,
        OfferStatus.Declined => Icons.Material.Outlined.DoNotDisturbOn,
        OfferStatus.Withdrawn => Icons.Material.Outlined.Undo,
        _ => Icons.Material.Outlined.Circle,
    };

    /// <summary>"EUR 1,200.00", or "No budget given": the code rather than a symbol, as in Commerce.</summary>
    public static string Money(decimal? amount, string? currency, string none = "No budget given") =>
        amount is { } a ? $"{currency} {a.ToString("N2", CultureInfo.InvariantCulture)}".Trim() : none;

    /// <summary>A territory as written ("ES-MD"), or the reach of an intent without one.</summary>
    public static string Location(string? location) => location ?? "Anywhere";

    /// <summary>The human title of a term id; an unknown id (a newer roster) is shown as is.</summary>
    public static string TermTitle(string id) => ConsentTerms.Find(id)?.Title ?? id;

    public static string? TermText(string id) => ConsentTerms.Find(id)?.Text;

    /// <summary>The words of a failed action, with a stale write explained rather than shown as a bare conflict.</summary>
    public static string? Problem<T>(Mutual.Core.Access.Outcome<T> result) => result.IsOk ? null
        : result.Kind == Mutual.Core.Access.OutcomeKind.Stale ? "This intent changed meanwhile; it is shown afresh, try again."
        : result.Detail;
}
