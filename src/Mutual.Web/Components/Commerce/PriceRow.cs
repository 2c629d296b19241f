using Mutual.Core.Commerce;

namespace Mutual.Web.Components.Commerce;

/// <summary>One editable price line of a product or a partner price list.</summary>
public sealed class PriceRow
{
    public string? Region { get; set; } = "*";
    public string? Currency { get; set; } = "EUR";
    public decimal? Amount { get; set; }

    public static List<PriceRow> From(IEnumerable<PriceDto> prices) =>
        prices.Select(p => new PriceRow { Region = p.Region, Currency = p.Currency, Amount = p.Amount }).ToList();

    public static List<PriceInput?> ToInputs(IEnumerable<PriceRow> rows) =>
        rows.Select(r => (PriceInput?)new PriceInput(r.Region, r.Currency, r.Amount)).ToList();
}
