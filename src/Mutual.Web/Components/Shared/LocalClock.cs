namespace Mutual.Web.Components.Shared;

/// <summary>
/// The browser's offset from UTC. The server only knows UTC, so the layout asks the browser once its live
/// connection is up and cascades a new clock; until then (and when prerendering) times show in UTC.
/// </summary>
public sealed record LocalClock(TimeSpan Offset, bool Known)
{
    public static readonly LocalClock Utc = new(TimeSpan.Zero, false);

    public DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) + Offset;

    /// <summary>A time the person typed in the browser's zone, as UTC.</summary>
    public DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    /// <summary>"14:05" today, "2 Nov" this year, "2 Nov 2025" before.</summary>
    public string Short(DateTime utc, DateTime nowUtc)
    {
        var t = ToLocal(utc);
        var n = ToLocal(nowUtc);
        if (t.Date == n.Date) return t.ToString("HH:mm");
        return t.Year == n.Year ? t.ToString("d MMM") : t.ToString("d MMM yyyy");
    }

    public string Full(DateTime utc) => ToLocal(utc).ToString("d MMM yyyy, HH:mm") + (Known ? "" : " UTC");

    public string Date(DateTime utc) => ToLocal(utc).ToString("d MMM yyyy");
}
