using System.Text.RegularExpressions;
using Mutual.Core.Access;
using Mutual.Core.Channel;

namespace Mutual.Core.Commerce;

public static class OrderStatus
{
    public const string HandedOff = "handed_off";
    public const string Confirmed = "confirmed";
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";
    public const string Cancelled = "cancelled";

    public static readonly string[] All = [HandedOff, Confirmed, Shipped, Delivered, Cancelled];

    /// <summary>Orders the partner still has to fulfil: they hold a slot of its capacity until shipped.</summary>
    public static readonly string[] Open = [HandedOff, Confirmed];

    /// <summary>Forward only: one step along handed_off → confirmed → shipped → delivered, or a cancel before shipping.</summary>
    public static bool CanMove(string from, string to) => (from, to) switch
    {
        (HandedOff, Confirmed) or (Confirmed, Shipped) or (Shipped, Delivered) => true,
        (HandedOff or Confirmed, Cancelled) => true,
        _ => false,
    };
}

public static class CartStatus
{
    public const string Open = "open";
    public const string CheckedOut = "checked_out";
}

/// <summary>A price in one region: an ISO 3166-1 country ("DE") or "*" for everywhere else.</summary>
public sealed record PriceInput(string? Region, string? Currency, decimal? Amount);

public sealed record PriceDto(string Region, string Currency, decimal Amount);

public static partial class CommerceRules
{
    public const string AnyRegion = "*";
    public const int SkuMax = 64;
    public const int NameMax = 200;
    public const int DescriptionMax = 4000;
    public const int MaxPrices = 250;
    public const int MaxQuantity = 10_000;
    public const int MaxLines = 200;
    public const decimal MaxAmount = 1_000_000_000m;
    public const int NoteMax = 500;

    public static bool IsCurrency(string? code) => code is not null && Currency().IsMatch(code);

    /// <summary>The seller's price for a delivery country: the country's own, else the "*" default.</summary>
    public static T? PriceFor<T>(IEnumerable<T> prices, Func<T, string> region, string country) where T : class
    {
        T? fallback = null;
        foreach (var p in prices)
        {
            if (region(p) == country) return p;
            if (region(p) == AnyRegion) fallback = p;
        }
        return fallback;
    }

    /// <summary>Checks and normalizes a price list; field names are "prices[i].region" and so on.</summary>
    public static List<PriceDto> ReadPrices(Validation v, IReadOnlyList<PriceInput?>? prices)
    {
        var result = new List<PriceDto>();
        if (prices is null) return result;
        if (prices.Count > MaxPrices) v.Add("prices", $"At most {MaxPrices} prices.");
        for (var i = 0; i < prices.Count && i < MaxPrices; i++)
        {
            var p = prices[i];
            var field = $"prices[{i}]";
            if (p is null) { v.Add(field, "A price is required."); continue; }
            var region = p.Region is null ? "" : ChannelRules.Normalize(p.Region);
            var currency = p.Currency is null ? "" : ChannelRules.Normalize(p.Currency);
            var ok = true;
            if (region != AnyRegion && !ChannelRules.IsCountry(region)) ok = Fail(v, $"{field}.region", "'region' must be an ISO 3166-1 alpha-2 country code or \"*\".");
            else if (result.Any(r => r.Region == region)) ok = Fail(v, $"{field}.region", $"Region '{region}' is priced twice.");
            if (!IsCurrency(currency)) ok = Fail(v, $"{field}.currency", "'currency' must be an ISO 4217 code such as EUR.");
            if (p.Amount is not { } amount || amount < 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
                ok = Fail(v, $"{field}.amount", $"'amount' must be between 0 and {MaxAmount} with at most two decimals.");
            else if (ok) result.Add(new PriceDto(region, currency, amount));
        }
        return result;
    }

    /// <summary>Reads a delivery place; the region is an ISO 3166-2 subdivision code without the country ("CA" for US-CA).</summary>
    private static bool Fail(Validation v, string field, string message)
    {
        v.Add(field, message);
        return false;
    }

    public static (string Country, string? Region) ReadPlace(Validation v, string? country, string? region)
    {
        var c = country is null ? "" : ChannelRules.Normalize(country);
        if (!ChannelRules.IsCountry(c)) v.Add("country", "'country' must be an ISO 3166-1 alpha-2 code such as DE.");
        string? r = string.IsNullOrWhiteSpace(region) ? null : ChannelRules.Normalize(region);
        if (r is not null && r.StartsWith(c + "-", StringComparison.Ordinal)) r = r[(c.Length + 1)..];
        if (r is not null && !ChannelRules.IsRegion(r)) v.Add("region", "'region' must be an ISO 3166-2 subdivision code such as CA.");
        return (c, r);
    }

    public static void Quantity(Validation v, int? quantity)
    {
        if (quantity is not (>= 1 and <= MaxQuantity)) v.Add("quantity", $"'quantity' must be between 1 and {MaxQuantity}.");
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();
}
