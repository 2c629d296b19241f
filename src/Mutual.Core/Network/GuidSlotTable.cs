namespace Mutual.Core.Network;

/// <summary>
/// Finds the slot that holds a Guid in a table whose keys already live in an array (the index's party and
/// relationship ids). Open addressing with linear probing over an int[] of slot + 1 (0 = empty), so an entry costs
/// 4–6 bytes where a Dictionary&lt;Guid, int&gt; costs about 36 and a second copy of the key. Removal shifts the rest
/// of the probe run back instead of leaving tombstones, so lookups never slow down with churn. Not thread-safe:
/// <see cref="NetworkIndex"/>'s lock guards it. The caller passes the current key array on every call because the
/// index grows that array by replacing it.
/// </summary>
internal sealed class GuidSlotTable
{
    private const int MinBits = 4;
    private int[] _table;
    private int _bits;
    private int _mask;

    public GuidSlotTable(int capacity = 0)
    {
        _bits = BitsFor(capacity);
        _table = new int[1 << _bits];
        _mask = _table.Length - 1;
    }

    public int Count { get; private set; }

    public bool TryGet(Guid key, Guid[] keys, out int slot)
    {
        for (var i = Home(key); ; i = (i + 1) & _mask)
        {
            var entry = _table[i];
            if (entry == 0) break;
            if (keys[entry - 1] == key) { slot = entry - 1; return true; }
        }
        slot = -1;
        return false;
    }

    /// <summary>Adds a slot whose key (<c>keys[slot]</c>) is not in the table yet.</summary>
    public void Add(int slot, Guid[] keys)
    {
        if ((Count + 1L) * 10 > _table.Length * 7L) Resize(_bits + 1, keys);
        Place(slot, keys);
        Count++;
    }

    /// <summary>Removes a key and says which slot held it; the key array must still hold it.</summary>
    public bool Remove(Guid key, Guid[] keys, out int slot)
    {
        var i = Home(key);
        while (true)
        {
            var entry = _table[i];
            if (entry == 0) { slot = -1; return false; }
            if (keys[entry - 1] == key) { slot = entry - 1; break; }
            i = (i + 1) & _mask;
        }
        // Backward shift: walk the run after the hole; an entry whose home is not between the hole and itself would be
        // cut off from its home by the hole, so it moves into the hole and leaves a new hole behind.
        var hole = i;
        for (var j = (i + 1) & _mask; _table[j] != 0; j = (j + 1) & _mask)
        {
            var home = Home(keys[_table[j] - 1]);
            if (((j - home) & _mask) < ((j - hole) & _mask)) continue;
            _table[hole] = _table[j];
            hole = j;
        }
        _table[hole] = 0;
        Count--;
        return true;
    }

    /// <summary>Makes room for <paramref name="capacity"/> keys without growing on the way.</summary>
    public void Reserve(int capacity, Guid[] keys)
    {
        var bits = BitsFor(capacity);
        if (bits > _bits) Resize(bits, keys);
    }

    private void Place(int slot, Guid[] keys)
    {
        var i = Home(keys[slot]);
        while (_table[i] != 0) i = (i + 1) & _mask;
        _table[i] = slot + 1;
    }

    private void Resize(int bits, Guid[] keys)
    {
        var old = _table;
        _bits = bits;
        _table = new int[1 << bits];
        _mask = _table.Length - 1;
        foreach (var entry in old)
            if (entry != 0) Place(entry - 1, keys);
    }

    // Fibonacci hashing spreads Guid's own hash (the xor of its four ints) over the top bits.
    private int Home(Guid key) => (int)(((uint)key.GetHashCode() * 2654435769u) >> (32 - _bits));

    // The smallest power of two that keeps the table at most 70% full.
    private static int BitsFor(int capacity)
    {
        var bits = MinBits;
        while ((1L << bits) * 7 < capacity * 10L) bits++;
        return bits;
    }
}
