using Mutual.Core.Network;

namespace Mutual.Core.Tests;

/// <summary>The network index's id lookup, checked against a Dictionary under random adds and removes.</summary>
public sealed class GuidSlotTableTests
{
    [Fact]
    public void FindsEveryKeptKeyAndNoRemovedOneThroughGrowthAndChurn()
    {
        var random = new Random(7);
        var keys = new Guid[20_000];
        var table = new GuidSlotTable();
        var expected = new Dictionary<Guid, int>();
        var free = new Stack<int>();
        var high = 0;
        for (var step = 0; step < 60_000; step++)
        {
            if (expected.Count > 0 && random.Next(3) == 0)
            {
                var victim = expected.Keys.ElementAt(random.Next(expected.Count));
                Assert.True(table.Remove(victim, keys, out var slot));
                Assert.Equal(expected[victim], slot);
                expected.Remove(victim);
                keys[slot] = Guid.Empty;
                free.Push(slot);
            }
            else if (high < keys.Length || free.Count > 0)
            {
                var slot = free.Count > 0 ? free.Pop() : high++;
                // Half the keys are UUIDv7 made in the same millisecond, which share their leading bytes.
                keys[slot] = random.Next(2) == 0 ? Guid.CreateVersion7() : new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16));
                table.Add(slot, keys);
                expected[keys[slot]] = slot;
            }
        }

        Assert.Equal(expected.Count, table.Count);
        foreach (var (key, slot) in expected)
        {
            Assert.True(table.TryGet(key, keys, out var found));
            Assert.Equal(slot, found);
        }
        Assert.False(table.TryGet(Guid.NewGuid(), keys, out _));
        Assert.False(table.Remove(Guid.NewGuid(), keys, out _));
    }

    [Fact]
    public void ReservingKeepsWhatIsThere()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToArray();
        var table = new GuidSlotTable();
        for (var i = 0; i < 50; i++) table.Add(i, keys);
        table.Reserve(10_000, keys);
        for (var i = 50; i < 100; i++) table.Add(i, keys);
        for (var i = 0; i < 100; i++) Assert.True(table.TryGet(keys[i], keys, out var slot) && slot == i);
    }
}
