using Mutual.Web.Components.Shared;

namespace Mutual.Web.Tests;

/// <summary>How a deadline's countdown reads: whole minutes, a part minute counting as one.</summary>
public sealed class TimeLeftTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, 123, 456, DateTimeKind.Utc);

    [Theory]
    [InlineData(24 * 60 * 60 * 1000.0, "1 d 0 h left")]
    [InlineData(24 * 60 * 60 * 1000.0 - 0.001, "1 d 0 h left")] // a deadline stored a microsecond short of 24 h
    [InlineData(22 * 60 * 60 * 1000.0 - 500, "22 h 0 min left")]
    [InlineData(5 * 60 * 60 * 1000.0 + 12 * 60 * 1000 - 30_000, "5 h 12 min left")]
    [InlineData(59 * 1000.0, "1 min left")]
    [InlineData(0.0, "time is up")]
    [InlineData(-1000.0, "time is up")]
    public void CountsDownInWholeMinutesRoundedUp(double milliseconds, string expected) =>
        Assert.Equal(expected, Ui.TimeLeft(Now.AddMilliseconds(milliseconds), Now));
}
