namespace Mutual.Core.Relationships;

/// <summary>A relationship kind and how it reads from each end.</summary>
/// <param name="Forward">"Ana works for Globex"</param>
/// <param name="Reverse">"Globex employs Ana"</param>
/// <param name="FromRole">The role the from-end plays, shown as a chip in lists (null: none).</param>
/// <param name="ToRole">The role the to-end plays.</param>
public sealed record RelationshipKind(string Name, string Forward, string Reverse, string? FromRole, string? ToRole);

public static class RelationshipKinds
{
    public static readonly IReadOnlyList<RelationshipKind> All =
    [
        new("works-for", "works for", "employs", "employee", "employer"),
        new("customer-of", "is a customer of", "has as customer", "customer", null),
        new("supplier-of", "supplies", "is supplied by", "supplier", null),
        new("partner-of", "is a partner of", "has as partner", "partner", null),
        new("reseller-of", "resells for", "has as reseller", "reseller", null),
        new("competitor-of", "competes with", "competes with", "competitor", "competitor"),
        new("knows", "knows", "knows", null, null),
        new("referred", "referred", "was referred by", "referrer", null),
        new("member-of", "is a member of", "has as member", "member", null),
    ];

    private static readonly Dictionary<string, RelationshipKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static bool TryGet(string? name, out RelationshipKind kind)
    {
        kind = null!;
        return name is not null && ByName.TryGetValue(name, out kind!);
    }

    public static RelationshipKind Get(string name) => ByName[name];

    /// <summary>
    /// How a relationship reads when a walk crosses it: from its from-end the forward label, from its to-end the
    /// reverse one ("Wayne Bottling is a customer of Northwind", walked from Northwind: "has as customer"). A kind
    /// not listed here reads as its name.
    /// </summary>
    public static string Reading(string name, bool backward) =>
        TryGet(name, out var kind) ? (backward ? kind.Reverse : kind.Forward) : name;

    /// <summary>Every role and the relationship kinds and ends that give it.</summary>
    public static readonly IReadOnlyList<string> Roles =
        All.SelectMany(k => new[] { k.FromRole, k.ToRole }).OfType<string>().Distinct().ToList();

    /// <summary>The kinds in which a party at the from-end (and, if given, the to-end) plays the role.</summary>
    public static (string[] FromKinds, string[] ToKinds) KindsForRole(string role) =>
        (All.Where(k => k.FromRole == role).Select(k => k.Name).ToArray(),
         All.Where(k => k.ToRole == role).Select(k => k.Name).ToArray());
}
