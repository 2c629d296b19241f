using Mutual.Core.Channel;

namespace Mutual.Core.Tests;

public sealed class ChannelRulesTests
{
    [Theory]
    [InlineData("DE", "DE", "BY", true)]
    [InlineData("DE", "DE", null, true)]
    [InlineData("US-CA", "US", "CA", true)]
    [InlineData("US-CA", "US", "NY", false)]
    [InlineData("US-CA", "US", null, false)]
    [InlineData("FR", "DE", "BY", false)]
    public void ACountryCoversItsRegionsAndARegionOnlyItself(string territory, string country, string? region, bool covered) =>
        Assert.Equal(covered, ChannelRules.Covers([territory], country, region));

    [Theory]
    [InlineData("accepted", "contacted", true)]
    [InlineData("accepted", "won", true)]
    [InlineData("qualified", "lost", true)]
    [InlineData("contacted", "contacted", false)]
    [InlineData("qualified", "contacted", false)]
    [InlineData("won", "lost", false)]
    [InlineData("assigned", "contacted", false)]
    [InlineData("unassigned", "won", false)]
    public void ProgressOnlyMovesForwardFromAcceptance(string from, string to, bool allowed) =>
        Assert.Equal(allowed, LeadStatus.CanMove(from, to));

    [Theory]
    [InlineData("DE", true)]
    [InlineData("US-CA", true)]
    [InlineData("GB-ENG", true)]
    [InlineData("de", false)]
    [InlineData("Germany", false)]
    [InlineData("D", false)]
    public void TerritoriesAreIsoCodes(string code, bool valid) => Assert.Equal(valid, ChannelRules.IsTerritory(code));

    [Fact]
    public void ANewcomerScoresInTheMiddleAndTheRecordMovesIt()
    {
        Assert.Equal(0.5, TrackRecord.Empty.Score);
        var good = TrackRecord.Empty with { Accepted = 8, Declined = 0, Won = 4, Lost = 0 };
        var bad = TrackRecord.Empty with { Accepted = 0, Declined = 8, Won = 0, Lost = 4 };
        Assert.True(good.Score > 0.8);
        Assert.True(bad.Score < 0.2);
    }
}
