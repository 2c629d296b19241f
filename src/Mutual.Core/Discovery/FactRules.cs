using System.Text.RegularExpressions;

namespace Mutual.Core.Discovery;

public static partial class FactRules
{
    public const int KeyMax = 100;
    public const int ValueMax = 2000;
    public const int SourceMax = 200;
    public const int MaxShelfLifeDays = 3650;

    /// <summary>Built-in shelf lives, used when a book has no rule of its own for a key.</summary>
    public static readonly IReadOnlyDictionary<string, int> Defaults = new Dictionary<string, int>
    {
        ["contact.*"] = 365,
        ["need.*"] = 90,
        ["budget.*"] = 60,
        ["preference.*"] = 180,
        ["decision-maker.*"] = 180,
        ["renewal.*"] = 365,
        ["*"] = 180,
    };

    /// <summary>Lower-case words of letters, digits and dashes joined by dots: <c>need.seats</c>, <c>contact.email</c>.</summary>
    public static bool IsKey(string? key) => key is { Length: > 0 and <= KeyMax } && KeyPattern().IsMatch(key);

    /// <summary>A key, a key prefix ending in <c>.*</c>, or <c>*</c> for every key.</summary>
    public static bool IsPattern(string? pattern) =>
        pattern == "*" || IsKey(pattern) || (pattern is { Length: > 2 } && pattern.EndsWith(".*", StringComparison.Ordinal) && IsKey(pattern[..^2]));

    /// <summary>The shelf life for a key: the book's exact rule, else its longest matching prefix, else the built-in default.</summary>
    public static int ShelfLife(string key, IReadOnlyDictionary<string, int> bookRules)
    {
        if (bookRules.TryGetValue(key, out var exact)) return exact;
        foreach (var prefix in Prefixes(key))
        {
            if (bookRules.TryGetValue(prefix, out var days)) return days;
        }
        foreach (var prefix in Prefixes(key))
        {
            if (Defaults.TryGetValue(prefix, out var days)) return days;
        }
        return Defaults["*"];
    }

    /// <summary><c>need.seats.extra</c> → <c>need.seats.*</c>, <c>need.*</c>, <c>*</c>.</summary>
    public static IEnumerable<string> Prefixes(string key)
    {
        var parts = key.Split('.');
        for (var i = parts.Length - 1; i >= 1; i--) yield return string.Join('.', parts[..i]) + ".*";
        yield return "*";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*$")]
    private static partial Regex KeyPattern();
}

public static class Freshness
{
    public const string Fresh = "fresh";
    public const string Aging = "aging";
    public const string Stale = "stale";

    /// <summary>A fact ages in the last quarter of its shelf life and is stale from its expiry on.</summary>
    public static DateTime AgingFrom(Fact f) => f.ExpiresAt.AddDays(-Math.Max(1, f.ShelfLifeDays / 4.0));

    public static string Of(Fact f, DateTime now) =>
        now >= f.ExpiresAt ? Stale : now >= AgingFrom(f) ? Aging : Fresh;
}
