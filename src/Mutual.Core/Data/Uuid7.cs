using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Mutual.Core.Data;

/// <summary>
/// UUIDv7 ids that increase within this process. <see cref="Guid.CreateVersion7()"/> fills the 12 bits after
/// the millisecond with random data, so two ids made in the same millisecond sort at random — and the outbox,
/// keyset pagination and the network index's catch-up all read in id order. This follows RFC 9562 §6.2
/// method 1: those 12 bits are a counter that restarts at a random low value each millisecond; when it runs
/// out the timestamp moves one millisecond ahead, so the sequence never goes backwards, even if the wall clock does.
/// </summary>
public static class Uuid7
{
    private static readonly Lock Gate = new();
    private static long _lastMs;
    private static int _counter;

    // Random bytes drawn 4 KB at a time: one call to the system's generator per 512 ids instead of one or two per id.
    private static readonly byte[] Pool = new byte[4096];
    private static int _pooled = Pool.Length; // empty: filled on first use

    public static Guid NewId()
    {
        long ms;
        int counter;
        Span<byte> bytes = stackalloc byte[16];
        lock (Gate)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (now > _lastMs)
            {
                _lastMs = now;
                _counter = BitConverter.ToUInt16(Take(2)) & ((1 << 10) - 1); // leaves room for 3k more ids in the millisecond
            }
            else if (++_counter > 0xFFF)
            {
                _lastMs++;
                _counter = 0;
            }
            ms = _lastMs;
            counter = _counter;
            Take(8).CopyTo(bytes[8..]);
        }

        BinaryPrimitives.WriteInt64BigEndian(bytes, ms << 16 | 0x7000L | (uint)counter);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The milliseconds since the epoch in a UUIDv7 (its first 48 bits).</summary>
    public static long Milliseconds(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 16);
    }

    /// <summary>The smallest UUIDv7 of a millisecond: a cursor for "made at or after then".</summary>
    public static Guid First(long milliseconds)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, Math.Max(0, milliseconds) << 16);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The next <paramref name="count"/> unused random bytes of the pool (under the gate).</summary>
    private static ReadOnlySpan<byte> Take(int count)
    {
        if (_pooled + count > Pool.Length)
        {
            RandomNumberGenerator.Fill(Pool);
            _pooled = 0;
        }
        var span = Pool.AsSpan(_pooled, count);
        _pooled += count;
        return span;
    }
}
