using Mutual.Core.Access;
using System.Text.RegularExpressions;

namespace Mutual.Core.Channel;

public static class LeadStatus
{
    /// <summary>No partner qualified: waits in the owner's queue until someone assigns it.</summary>
    public const string Unassigned = "unassigned";

    /// <summary>Offered to a partner, which must accept before the deadline.</summary>
    public const string Assigned = "assigned";
    public const string Accepted = "accepted";
    public const string Contacted = "contacted";
    public const string Qualified = "qualified";
    public const string Won = "won";
    public const string Lost = "lost";

    /// <summary>The statuses a partner reports with PATCH, in the order a deal moves through them.</summary>
    public static readonly string[] Progress = [Contacted, Qualified, Won, Lost];

    /// <summary>Statuses that hold a slot of the partner's capacity.</summary>
    public static readonly string[] Open = [Assigned, Accepted, Contacted, Qualified];
    public static readonly string[] All = [Unassigned, Assigned, Accepted, Contacted, Qualified, Won, Lost];

    public static bool IsClosed(string status) => status is Won or Lost;

    /// <summary>Progress only moves forward, from accepted to a close; won and lost are final.</summary>
    public static bool CanMove(string from, string to) => Rank(from) is >= 0 and < 3 && Rank(to) > Rank(from);

    private static int Rank(string status) => status switch
    {
        Accepted => 0,
        Contacted => 1,
        Qualified => 2,
        Won or Lost => 3,
        _ => -1,
    };
}

public static class HopOutcome
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string TimedOut = "timed_out";
}

public static class LeadSources
{
    public const string Api = "api";
    public const string Staff = "staff";
    public const string WebForm = "web-form";
}

public static partial class ChannelRules
{
    public const int TitleMax = 200;
    public const int NameMax = 200;
    public const int CertificationMax = 80;
    public const int ReasonMax = 500;
    public const int MaxTerritories = 250;
    public const int MaxCertifications = 50;
    public const int MaxCapacity = 100_000;
    public const int DefaultAcceptHours = 24;
    public const int MaxAcceptHours = 24 * 30;

    /// <summary>"DE" or "US-CA": an ISO 3166-1 alpha-2 country, optionally with an ISO 3166-2 subdivision.</summary>
    public static bool IsTerritory(string? code) => code is not null && Territory().IsMatch(code);

    /// <summary>
    /// A list of territories (partners', routing rules', vendors'): at most <see cref="MaxTerritories"/>, each an ISO 3166
    /// code; returns them normalized, distinct and sorted.
    /// </summary>
    public static List<string> Territories(Validation v, string field, IReadOnlyCollection<string?> territories)
    {
        if (territories.Count > MaxTerritories) v.Add(field, $"At most {MaxTerritories} territories.");
        else if (territories.Any(t => !IsTerritory(t is null ? null : Normalize(t))))
            v.Add(field, "Each territory is an ISO 3166 code: a country (\"DE\") or a subdivision (\"US-CA\").");
        return territories.Where(t => t is not null).Select(t => Normalize(t!)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public static bool IsCountry(string? code) => code is not null && Country().IsMatch(code);

    public static bool IsRegion(string? code) => code is not null && Region().IsMatch(code);

    public static bool IsCertification(string? name) => name is { Length: > 0 and <= CertificationMax } && Certification().IsMatch(name);

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Whether a territory list covers a place: the whole country, or the exact subdivision.</summary>
    public static bool Covers(IEnumerable<string> territories, string country, string? region) =>
        territories.Any(t => t == country || (region is not null && t == $"{country}-{region}"));

    [GeneratedRegex("^[A-Z]{2}(-[A-Z0-9]{1,3})?$")]
    private static partial Regex Territory();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex Country();

    [GeneratedRegex("^[A-Z0-9]{1,3}$")]
    private static partial Regex Region();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex Certification();
}
