using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Mutual.Core.Access;

namespace Mutual.Core.Data;

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>The limit and decoded cursor of a list request.</summary>
public sealed record PageRequest(int Limit, string[]? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>
    /// Validates limit and cursor. A cursor is opaque to clients and carries the sort key of the last row;
    /// <paramref name="shape"/> names its parts (s: text, g: id, t: time), so a cursor from another list is refused.
    /// </summary>
    public static PageRequest Parse(Validation v, int? limit, string? cursor, string shape)
    {
        var l = limit ?? DefaultLimit;
        if (l < 1) v.Add("limit", "'limit' must be at least 1.");
        string[]? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = Decode(cursor);
            if (after is null || !Fits(after, shape)) v.Add("cursor", "'cursor' is not a cursor this server issued for this list.");
        }
        return new PageRequest(Math.Clamp(l, 1, MaxLimit), after);
    }

    public static string Encode(params string[] parts) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', parts)));

    private static bool Fits(string[] parts, string shape) =>
        parts.Length == shape.Length && parts.Select((part, i) => shape[i] switch
        {
            'g' => Guid.TryParse(part, out _),
            't' => long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks,
            _ => true,
        }).All(ok => ok);

    private static string[]? Decode(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('\n');
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public Guid? AfterGuid(int index) => After is { } a && a.Length > index && Guid.TryParse(a[index], out var g) ? g : null;

    public DateTime? AfterTime(int index) =>
        After is { } a && a.Length > index && long.TryParse(a[index], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc) : null;

    public string? AfterString(int index) => After is { } a && a.Length > index ? a[index] : null;

    public static string Ticks(DateTime t) => t.Ticks.ToString(CultureInfo.InvariantCulture);

    /// <summary>Cuts a fetched page of Limit+1 rows and builds the cursor from the last kept row.</summary>
    public Page<T> ToPage<T>(IReadOnlyList<T> rows, Func<T, string> cursorOf) =>
        rows.Count > Limit
            ? new Page<T>(rows.Take(Limit).ToList(), cursorOf(rows[Limit - 1]))
            : new Page<T>(rows, null);
}
