using Mutual.Core.Parties;

namespace Mutual.Core.Engagement;

public sealed record TierDto(string Name, int CadenceDays, bool IsDefault);

public sealed record SetTierRequest(int? CadenceDays);

public sealed record AssignTierRequest(string? Tier);

/// <summary>The actor's dialogue with one party: tier, when each side last spoke, when dialogue is due.</summary>
public sealed record EngagementDto(
    Guid PartyId,
    PartyRef Party,
    string? Tier,
    int? CadenceDays,
    DateTime? LastOursAt,
    DateTime? LastTheirsAt,
    DateTime? LastCallOrMeetingAt,
    DateTime? LastDialogueAt,
    DateTime? DueAt,
    bool Overdue,
    string? Reason)
{
    public static EngagementDto From(EngagementLink? l, Guid partyId, PartyRef party, int? cadence, DateTime now) => new(
        partyId, party, l?.Tier, cadence, l?.LastOursAt, l?.LastTheirsAt, l?.LastCallOrMeetingAt, l?.LastDialogueAt, l?.DueAt,
        l?.DueAt is { } due && due <= now, l is null ? null : EngagementReasons.Explain(l, cadence, now));
}

/// <summary>One row of "needs attention".</summary>
public sealed record AttentionItem(Guid PartyId, PartyRef Party, string Tier, int CadenceDays, DateTime? LastDialogueAt, DateTime DueAt, int OverdueDays, string Reason);

public static class EngagementReasons
{
    /// <summary>Why a relationship needs (or will need) attention, in words a person acts on.</summary>
    public static string? Explain(EngagementLink l, int? cadence, DateTime now)
    {
        if (l.Tier is null || cadence is null || l.DueAt is null) return null;
        var expects = $"the {l.Tier} tier expects dialogue every {cadence} days";
        if (l.LastDialogueAt is null)
        {
            if (l.LastOursAt is { } ours && l.LastTheirsAt is null) return $"They have not answered since {ours:yyyy-MM-dd}; {expects}.";
            if (l.LastTheirsAt is { } theirs && l.LastOursAt is null) return $"We never answered their message of {theirs:yyyy-MM-dd}; {expects}.";
            return $"No two-way dialogue since joining the {l.Tier} tier on {l.TierAssignedAt:yyyy-MM-dd}; {expects}.";
        }
        var days = (int)(now - l.LastDialogueAt.Value).TotalDays;
        var waiting = l.LastTheirsAt > l.LastOursAt ? " Their last message is waiting for our answer." : "";
        return l.DueAt <= now
            ? $"Last two-way dialogue {days} days ago ({l.LastDialogueAt:yyyy-MM-dd}); {expects}.{waiting}"
            : $"Due by {l.DueAt:yyyy-MM-dd}; {expects}.{waiting}";
    }
}
