using System.Buffers.Binary;

namespace Mutual.Core.Demo.Synthetic;

/// <summary>
/// UUIDv7-shaped ids whose timestamp is the row's own creation time and whose random bits come from the seed,
/// so a load is repeatable id for id, and id order follows time order as it does for ids made live
/// (keyset pages, the outbox and the B-tree all see rows arrive in key order).
/// </summary>
internal static class SyntheticIds
{
    public static Guid At(DateTime utc, Random rng)
    {
        var ms = new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes[6..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, ms << 16 | 0x7000L | (uint)(bytes[6] << 4 | bytes[7] >> 4) & 0xFFF);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}

/// <summary>
/// The three years the network covers, ending at the start of the load's day (UTC), so two loads on the same day
/// with the same seed are identical, and nothing is dated in the future.
/// </summary>
internal sealed class SyntheticSpan(DateTimeOffset now)
{
    public DateTime End { get; } = now.UtcDateTime.Date;
    public DateTime Start => End.AddYears(-3);
    public TimeSpan Length => End - Start;

    /// <summary>The moment a fraction (0..1) of the way through the span, to the microsecond PostgreSQL keeps.</summary>
    public DateTime At(double fraction)
    {
        var ticks = (long)(Length.Ticks * Math.Clamp(fraction, 0, 1));
        return Start.AddTicks(ticks - ticks % 10);
    }
}

/// <summary>A cheap, seeded hash (SplitMix64) for values that must be recomputable out of order, such as a message's text.</summary>
internal static class SyntheticHash
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Of(int seed, int a, int b) => Mix(Mix(Mix((ulong)(uint)seed) ^ (uint)a) ^ (uint)b);
}
