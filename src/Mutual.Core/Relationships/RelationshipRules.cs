using Mutual.Core.Access;

namespace Mutual.Core.Relationships;

/// <summary>The checks a new relationship passes before anyone looks it up, shared by the API and CSV import.</summary>
public static class RelationshipRules
{
    public static readonly string KindList = string.Join(", ", RelationshipKinds.All.Select(k => k.Name));

    /// <summary>Validates the fields and returns the start date (now when none was given).</summary>
    public static DateTime Check(Validation v, Guid? from, Guid? to, string? kind, DateTime? since, DateTime now)
    {
        if (from is null || from == Guid.Empty) v.Add("fromPartyId", "'fromPartyId' is required.");
        if (to is null || to == Guid.Empty) v.Add("toPartyId", "'toPartyId' is required.");
        if (!RelationshipKinds.TryGet(kind, out _)) v.Add("kind", $"'kind' must be one of: {KindList}.");
        if (from is { } f && f == to) v.Add("toPartyId", "A party cannot have a relationship with itself.");
        var start = since?.ToUniversalTime() ?? now;
        if (start > now.AddDays(366)) v.Add("since", "'since' is too far in the future.");
        return start;
    }

    /// <summary>A new relationship in <paramref name="owner"/>'s book and the dated event that starts it.</summary>
    public static (Relationship Relationship, RelationshipEvent Started) New(Guid from, Guid to, string kind, DateTime since, Guid owner, DateTime now)
    {
        var relationship = new Relationship { FromPartyId = from, ToPartyId = to, Kind = kind, Since = since, OwnerPartyId = owner, CreatedAt = now };
        return (relationship, RelationshipEvent.Of(relationship, RelationshipEvent.Started, since));
    }
}
