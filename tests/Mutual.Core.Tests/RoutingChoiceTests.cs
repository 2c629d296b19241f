using Mutual.Core.Channel;

namespace Mutual.Core.Tests;

/// <summary>Routing's choice among the partners covering a lead is the head of the full ranking it stands for.</summary>
public sealed class RoutingChoiceTests
{
    [Fact]
    public void TheChosenPartnerIsTheFirstOfTheFullRankingAndTiesAreCounted()
    {
        var random = new Random(17);
        var times = new DateTime?[] { null, new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc) };
        for (var trial = 0; trial < 500; trial++)
        {
            // Small tallies, few distinct times and some shared scores: ties on every key happen often.
            var covering = Enumerable.Range(0, random.Next(0, 12)).Select(_ => new LeadRouter.Candidate(
                Guid.CreateVersion7(), random.Next(0, 4), times[random.Next(times.Length)],
                new Tally(0, random.Next(0, 3), random.Next(0, 3), random.Next(0, 2), 0, random.Next(0, 4), random.Next(0, 3), random.Next(0, 3))))
                .ToList();
            var respectCapacity = random.Next(2) == 0;

            var ranked = (respectCapacity ? covering.Where(p => p.Tally.Open < p.Capacity) : covering)
                .Select(p => (Candidate: p, Record: TrackRecord.Of(p.Tally)))
                .OrderByDescending(p => p.Record.Score).ThenBy(p => p.Candidate.LastAssignedAt ?? DateTime.MinValue).ThenBy(p => p.Candidate.PartnerPartyId)
                .ToList();
            var (best, available, tied) = LeadRouter.Best(covering, respectCapacity);

            Assert.Equal(ranked.Count, available);
            if (ranked.Count == 0)
            {
                Assert.Null(best);
                continue;
            }
            Assert.Same(ranked[0].Candidate, best);
            Assert.Equal(ranked.Count(p => p.Record.Score == ranked[0].Record.Score) - 1, tied);
            Assert.Equal(ranked[0].Record.Score, TrackRecord.ScoreOf(best!.Tally));
        }
    }
}
