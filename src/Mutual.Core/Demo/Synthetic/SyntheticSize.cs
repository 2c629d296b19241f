using System.Globalization;

namespace Mutual.Core.Demo.Synthetic;

/// <summary>
/// How big a network to generate, from the number of parties: five relationships, a fifth of a conversation
/// and ten messages per party, which at a million parties are the sizes of issue 7.
/// </summary>
public sealed record SyntheticSize(int Parties)
{
    public const int Minimum = 100;
    public const int Maximum = 10_000_000;

    public long Relationships => 5L * Parties;
    public int Conversations => Parties / 5;
    public long Messages => 10L * Parties;

    /// <summary>"2000", "100k", "1m" (case-insensitive; underscores and commas allowed); null when not a size in range.</summary>
    public static SyntheticSize? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().ToLowerInvariant().Replace("_", "").Replace(",", "");
        long factor = 1;
        if (t.EndsWith('k')) (factor, t) = (1_000, t[..^1]);
        else if (t.EndsWith('m')) (factor, t) = (1_000_000, t[..^1]);
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
        var parties = n * factor;
        return parties is >= Minimum and <= Maximum ? new SyntheticSize((int)parties) : null;
    }
}
