namespace Mutual.Core.Data;

public static class StoredTime
{
    /// <summary>
    /// The time now as both stores keep it (PostgreSQL holds microseconds, SQLite the full tick), so a record a use
    /// case describes from memory, without reading it back, shows the same times as every later read of it.
    /// </summary>
    public static DateTime StoredNow(this TimeProvider clock)
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
    }
}
