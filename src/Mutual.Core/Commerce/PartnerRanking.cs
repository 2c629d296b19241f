namespace Mutual.Core.Commerce;

public sealed record QuotedLine(Guid ProductId, decimal UnitPrice, decimal LineTotal);

/// <summary>What one qualified partner would charge for a cart, and what the tie-breakers look at.</summary>
public sealed record PartnerQuote(Guid PartnerPartyId, decimal Total, int CapacityLeft, DateTime? LastHandOffAt, IReadOnlyList<QuotedLine> Lines);

/// <summary>
/// The deterministic choice among qualified partners: lowest total, then most capacity left, then the one
/// that waited longest since its last hand-off (never first), then the lowest id so a tie never flips.
/// </summary>
public static class PartnerRanking
{
    public static List<PartnerQuote> Rank(IEnumerable<PartnerQuote> quotes) => quotes
        .OrderBy(q => q.Total)
        .ThenByDescending(q => q.CapacityLeft)
        .ThenBy(q => q.LastHandOffAt ?? DateTime.MinValue)
        .ThenBy(q => q.PartnerPartyId)
        .ToList();

    /// <summary>Why the first of a ranked list won: the first tie-breaker that told it from the runner-up.</summary>
    public static string Reason(IReadOnlyList<PartnerQuote> ranked)
    {
        if (ranked.Count == 0) throw new ArgumentException("Nothing to explain.", nameof(ranked));
        if (ranked.Count == 1) return "the only qualified partner";
        var (a, b) = (ranked[0], ranked[1]);
        if (a.Total != b.Total) return "lowest price";
        if (a.CapacityLeft != b.CapacityLeft) return "equal price; most capacity left";
        if (a.LastHandOffAt != b.LastHandOffAt) return "equal price and capacity; longest since its last hand-off (round robin)";
        return "equal price, capacity and wait; lowest id";
    }
}
