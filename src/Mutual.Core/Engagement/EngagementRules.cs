using System.Text.RegularExpressions;

namespace Mutual.Core.Engagement;

public static partial class EngagementRules
{
    public const int TierMax = 40;
    public const int MaxCadenceDays = 730;

    /// <summary>The tiers every book starts with; admins change cadences or add tiers of their own.</summary>
    public static readonly IReadOnlyDictionary<string, int> DefaultTiers = new Dictionary<string, int>
    {
        ["strategic"] = 14,
        ["key"] = 30,
        ["standard"] = 90,
    };

    public static bool IsTierName(string? name) => name is { Length: > 0 and <= TierMax } && TierName().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex TierName();
}
