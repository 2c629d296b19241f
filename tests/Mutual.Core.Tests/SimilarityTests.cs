using Mutual.Core.Matching;

namespace Mutual.Core.Tests;

/// <summary>The documented similarity score (docs/decisions/012-values-matching.md) and the reason it gives.</summary>
public sealed class SimilarityTests
{
    private static Dictionary<string, List<string>> A(params (string Question, string[] Options)[] answers) =>
        answers.ToDictionary(a => a.Question, a => a.Options.ToList());

    private static readonly Dictionary<string, List<string>> Full = A(
        ("communication-style", ["brief"]), ("channel", ["email", "chat"]), ("priorities", ["sustainability", "quality", "price"]),
        ("decision-pace", ["considered"]), ("relationship", ["long-term"]), ("contact-frequency", ["regular"]));

    [Fact]
    public void IdenticalFullAnswersScoreOneAndNothingInCommonScoresZero()
    {
        Assert.Equal(1.0, Similarity.Compare(Full, Full).Score);
        var opposite = A(("communication-style", ["detailed"]), ("channel", ["phone"]), ("priorities", ["speed", "support"]),
            ("decision-pace", ["quick"]), ("relationship", ["transactional"]), ("contact-frequency", ["when-needed"]));
        var match = Similarity.Compare(Full, opposite);
        Assert.Equal(0.0, match.Score);
        Assert.Empty(match.Shared);
        Assert.Equal("No stated values in common.", match.Reason);
    }

    [Fact]
    public void AQuestionEitherSideLeftOpenCountsAsNoAgreement()
    {
        // Only "brief" is answered by both: weight 1 of the total 7.
        var match = Similarity.Compare(Full, A(("communication-style", ["brief"])));
        Assert.Equal(0.14, match.Score);
        Assert.Equal("Both prefer brief messages.", match.Reason);
        Assert.Equal(0.0, Similarity.Compare(Full, A()).Score);
    }

    [Theory]
    [InlineData(new[] { "sustainability", "quality", "price" }, new[] { "sustainability", "quality", "price" }, 1.0)]
    [InlineData(new[] { "sustainability", "quality", "price" }, new[] { "price", "quality", "sustainability" }, 4.0 / 6)]
    [InlineData(new[] { "sustainability", "quality", "price" }, new[] { "sustainability", "speed", "support" }, 0.5)]
    [InlineData(new[] { "sustainability" }, new[] { "sustainability" }, 1.0)]
    [InlineData(new[] { "sustainability" }, new[] { "sustainability", "speed", "support" }, 0.5)]
    [InlineData(new[] { "price", "speed", "support" }, new[] { "quality", "sustainability" }, 0.0)]
    public void RankedAnswersWeighPositionsThreeTwoOne(string[] x, string[] y, double expected) =>
        Assert.Equal(expected, Similarity.Agreement(Questionnaire.Ranked, x, y), 3);

    [Fact]
    public void SomeAnswersCountTheirOverlap()
    {
        Assert.Equal(1.0 / 3, Similarity.Agreement(Questionnaire.Some, ["email", "chat"], ["email", "phone"]), 3);
        Assert.Equal(1.0, Similarity.Agreement(Questionnaire.Some, ["email"], ["email"]), 3);
    }

    [Fact]
    public void TheReasonListsOnlyWhatBothStated()
    {
        var rep = A(("communication-style", ["brief"]), ("channel", ["email", "phone"]), ("priorities", ["sustainability", "price", "speed"]),
            ("decision-pace", ["quick"]), ("relationship", ["long-term"]));
        var match = Similarity.Compare(rep, Full);
        Assert.Equal(["prefer brief messages", "like email", "put sustainability first", "value price", "want a long-term relationship"], match.Shared);
        Assert.Equal("Both prefer brief messages, like email, put sustainability first, value price and want a long-term relationship.", match.Reason);
        // 1 (style) + 1/3 (channel) + 2 × (3 + 1)/6 (priorities) + 0 + 1 + 0, over 7.
        Assert.Equal(Math.Round((1 + 1.0 / 3 + 2 * 4.0 / 6 + 1) / 7, 2), match.Score);
        Assert.DoesNotContain("chat", match.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("considered", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheScoreIsSymmetric()
    {
        var rep = A(("channel", ["email", "phone"]), ("priorities", ["price", "sustainability"]));
        Assert.Equal(Similarity.Compare(rep, Full).Score, Similarity.Compare(Full, rep).Score);
    }
}
