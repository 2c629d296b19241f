using Mutual.Core.Data;

namespace Mutual.Core.Tests;

public sealed class Uuid7Tests
{
    [Fact]
    public void IdsMadeInOneBurstIncreaseAsGuidsAsTextAndAsBytes()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => Uuid7.NewId()).ToList();
        Assert.Equal(ids, ids.Order().ToList());
        Assert.Equal(ids.Select(i => i.ToString()).ToList(), ids.Select(i => i.ToString()).Order(StringComparer.Ordinal).ToList());
        var bytes = ids.Select(i => Convert.ToHexString(i.ToByteArray(bigEndian: true))).ToList();
        Assert.Equal(bytes, bytes.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void IdsAreVersion7WithTheRfcVariantAndTheCurrentTime()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = Uuid7.NewId();
        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.ToByteArray(bigEndian: true)[8] >> 6);
        var ms = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(id.ToByteArray(bigEndian: true)) >> 16;
        Assert.InRange(ms, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 5);
    }
}
