using System.Globalization;
using Mutual.Core.Access;
using Mutual.Core.Commerce;
using MudBlazor;

namespace Mutual.Web.Components.Commerce;

/// <summary>Labels, money and places for the commerce pages, phrased once.</summary>
public static class CommerceUi
{
    /// <summary>"EUR 1,234.50": the code rather than a symbol, since a network sells in several currencies.</summary>
    public static string Money(decimal amount, string? currency) =>
        $"{currency} {amount.ToString("N2", CultureInfo.InvariantCulture)}".Trim();

    /// <summary>The steps of a parcel tracker, in order; a cancel can interrupt them before shipping.</summary>
    public static readonly string[] Steps = [OrderStatus.HandedOff, OrderStatus.Confirmed, OrderStatus.Shipped, OrderStatus.Delivered];

    public static string StatusLabel(string status) => status switch
    {
        OrderStatus.HandedOff => "Handed off",
        OrderStatus.Confirmed => "Confirmed",
        OrderStatus.Shipped => "Shipped",
        OrderStatus.Delivered => "Delivered",
        OrderStatus.Cancelled => "Cancelled",
        _ => status,
    };

    public static string StatusIcon(string status) => status switch
    {
        OrderStatus.HandedOff => Icons.Material.Outlined.Handshake,
        OrderStatus.Confirmed => Icons.Material.Outlined.ThumbUp,
        OrderStatus.Shipped => Icons.Material.Outlined.LocalShipping,
        OrderStatus.Delivered => Icons.Material.Outlined.Inventory2,
        OrderStatus.Cancelled => Icons.Material.Outlined.Block,
        _ => Icons.Material.Outlined.Circle,
    };

    /// <summary>"DE" or "US-CA", as territories are written.</summary>
    public static string Place(string country, string? region) => region is null ? country : $"{country}-{region}";

    public static string PlaceName(string country, string? region) =>
        (Countries.FirstOrDefault(c => c.Code == country).Name ?? country) + (region is null ? "" : $" ({country}-{region})");

    public static string ShortId(Guid id) => id.ToString("N")[^8..].ToUpperInvariant();

    /// <summary>
    /// Delivery countries offered in pickers. The app runs with invariant globalization (no region names from the
    /// OS), so the names are listed here; Core accepts any ISO code, and a cart in another country still shows its code.
    /// </summary>
    public static readonly (string Code, string Name)[] Countries =
    [
        ("AT", "Austria"), ("BE", "Belgium"), ("CH", "Switzerland"), ("CZ", "Czechia"), ("DE", "Germany"), ("DK", "Denmark"),
        ("EE", "Estonia"), ("ES", "Spain"), ("FI", "Finland"), ("FR", "France"), ("GB", "United Kingdom"), ("IE", "Ireland"),
        ("IT", "Italy"), ("LT", "Lithuania"), ("LU", "Luxembourg"), ("LV", "Latvia"), ("NL", "Netherlands"), ("NO", "Norway"),
        ("PL", "Poland"), ("PT", "Portugal"), ("SE", "Sweden"), ("SK", "Slovakia"), ("US", "United States"), ("CA", "Canada"),
    ];
}
