using Mutual.Core.Access;
using Mutual.Core.Commerce;

namespace Mutual.Core.Tests;

/// <summary>The pure rules of commerce: regional prices, the partner ranking and order transitions.</summary>
public sealed class CommerceRulesTests
{
    [Theory]
    [InlineData("DE", 100)]
    [InlineData("FR", 120)]
    public void ACountrysOwnPriceWinsOverTheDefault(string country, int expected)
    {
        var prices = new[] { new PriceDto("*", "EUR", 120m), new PriceDto("DE", "EUR", 100m) };
        Assert.Equal(expected, CommerceRules.PriceFor(prices, p => p.Region, country)!.Amount);
        Assert.Null(CommerceRules.PriceFor(prices.Where(p => p.Region == "DE"), p => p.Region, "FR"));
    }

    [Fact]
    public void TheRankingPrefersPriceThenCapacityThenTheLongestWaitThenId()
    {
        var t = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        Guid Id(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:D12}");
        PartnerQuote Q(int id, decimal total, int capacity, DateTime? last) => new(Id(id), total, capacity, last, []);

        Assert.Equal(Id(2), PartnerRanking.Rank([Q(1, 100, 9, null), Q(2, 90, 1, t)])[0].PartnerPartyId);
        Assert.Equal(Id(1), PartnerRanking.Rank([Q(1, 90, 5, t), Q(2, 90, 1, null)])[0].PartnerPartyId);
        var waited = PartnerRanking.Rank([Q(1, 90, 5, t), Q(2, 90, 5, t.AddDays(-3)), Q(3, 90, 5, null)]);
        Assert.Equal([Id(3), Id(2), Id(1)], waited.Select(q => q.PartnerPartyId));
        Assert.Equal(Id(4), PartnerRanking.Rank([Q(5, 90, 5, t), Q(4, 90, 5, t)])[0].PartnerPartyId);

        Assert.Equal("lowest price", PartnerRanking.Reason(PartnerRanking.Rank([Q(1, 100, 9, null), Q(2, 90, 1, t)])));
        Assert.Contains("round robin", PartnerRanking.Reason(waited), StringComparison.Ordinal);
        Assert.Equal("the only qualified partner", PartnerRanking.Reason([Q(1, 1, 1, null)]));
    }

    [Theory]
    [InlineData("handed_off", "confirmed", true)]
    [InlineData("confirmed", "shipped", true)]
    [InlineData("shipped", "delivered", true)]
    [InlineData("handed_off", "cancelled", true)]
    [InlineData("confirmed", "cancelled", true)]
    [InlineData("shipped", "cancelled", false)]
    [InlineData("handed_off", "shipped", false)]
    [InlineData("delivered", "confirmed", false)]
    [InlineData("cancelled", "confirmed", false)]
    [InlineData("confirmed", "confirmed", false)]
    public void OrdersMoveOneStepForwardOrCancelBeforeShipping(string from, string to, bool allowed) =>
        Assert.Equal(allowed, OrderStatus.CanMove(from, to));

    [Fact]
    public void PriceListsAreCheckedFieldByField()
    {
        var v = new Validation();
        var prices = CommerceRules.ReadPrices(v, [new PriceInput("de", "eur", 10.5m), new PriceInput("DE", "EUR", 1m), new PriceInput("*", "EURO", 1.001m)]);
        Assert.Equal([new PriceDto("DE", "EUR", 10.5m)], prices);
        Assert.Equal(["prices[1].region", "prices[2].amount", "prices[2].currency"], v.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
