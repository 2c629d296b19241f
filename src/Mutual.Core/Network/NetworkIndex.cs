using System.Collections.Concurrent;
using Mutual.Core.Relationships;

namespace Mutual.Core.Network;

/// <summary>One relationship as the index keeps it: enough to walk it and to apply the access rule in memory.</summary>
public readonly record struct IndexedEdge(Guid Id, Guid FromPartyId, Guid ToPartyId, string Kind, Guid OwnerPartyId, DateTime Since, DateTime? Until);

/// <summary>
/// The relationship network in memory, for path search: recursive SQL over the Relationships table collapses at
/// 3–4 hops on graphs with hubs, a walk over arrays does not. Parties are dense ints; each relationship is one slot
/// in parallel arrays (id, ends, owner, kind, dates), listed in the adjacency of both ends. Only relationships that
/// have not ended are kept. One writer at a time (the sync), many readers (searches), under a reader-writer lock;
/// readers hold it only for the synchronous walk.
/// <para>Memory is the cost that grows with the network (issue 7's budget: 1 GiB for the whole server at a million
/// parties), so ids are found through <see cref="GuidSlotTable"/> over the id arrays rather than dictionaries, and
/// dates are whole seconds in an int: about 70 bytes per relationship with its two adjacency entries.</para>
/// </summary>
public sealed class NetworkIndex : IDisposable
{
    private const int NoUntil = int.MaxValue;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly SemaphoreSlim _walkers = new(Environment.ProcessorCount);
    private readonly ConcurrentBag<WalkScratch> _scratch = [];

    // Parties: Guid <-> dense id, and each party's adjacency (edge slots; the neighbour is the slot's other end).
    private readonly GuidSlotTable _nodeIds = new();
    private Guid[] _nodes = new Guid[1024];
    private int[]?[] _adjacency = new int[1024][];
    private int[] _degree = new int[1024];
    private int _nodeCount;

    // Relationships: parallel arrays by slot, a free list of slots, and relationship id -> slot.
    private readonly GuidSlotTable _slots = new();
    private Guid[] _edgeIds = new Guid[1024];
    private int[] _from = new int[1024];
    private int[] _to = new int[1024];
    private int[] _owner = new int[1024];
    private byte[] _kind = new byte[1024];
    private int[] _since = new int[1024];
    private int[] _until = new int[1024];
    private int _edgeHigh;
    private readonly Stack<int> _free = new();

    private static readonly string[] Kinds = [.. RelationshipKinds.All.Select(k => k.Name)];
    private static readonly Dictionary<string, byte> KindIds = Kinds.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => (byte)x.i, StringComparer.Ordinal);

    /// <summary>True once the first full load finished; until then searches build the index themselves (see NetworkSync).</summary>
    public bool IsWarm { get; internal set; }

    public int RelationshipCount
    {
        get { _lock.EnterReadLock(); try { return _slots.Count; } finally { _lock.ExitReadLock(); } }
    }

    public int PartyCount
    {
        get { _lock.EnterReadLock(); try { return _nodeCount; } finally { _lock.ExitReadLock(); } }
    }

    /// <summary>Sizes the relationship arrays for a full load of about this many, so loading does not double them past it.</summary>
    public void Reserve(int relationships)
    {
        _lock.EnterWriteLock();
        try
        {
            if (relationships > _edgeIds.Length) ResizeEdges(relationships + relationships / 16);
            _slots.Reserve(relationships, _edgeIds);
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Adds or replaces a batch of relationships; an ended one is removed. Idempotent: loading the same row twice changes nothing.</summary>
    public void Apply(IEnumerable<IndexedEdge> edges, DateTime now)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var e in edges) ApplyOne(e, now);
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Forgets a relationship (deleted, or no longer readable).</summary>
    public void Remove(Guid relationshipId)
    {
        _lock.EnterWriteLock();
        try { RemoveSlot(relationshipId); }
        finally { _lock.ExitWriteLock(); }
    }

    private void ApplyOne(IndexedEdge e, DateTime now)
    {
        RemoveSlot(e.Id);
        if (e.Until is { } until && until <= now) return;
        if (!KindIds.TryGetValue(e.Kind, out var kind)) return;
        var from = Node(e.FromPartyId);
        var to = Node(e.ToPartyId);
        var owner = Node(e.OwnerPartyId);
        var slot = _free.Count > 0 ? _free.Pop() : NewSlot();
        _edgeIds[slot] = e.Id;
        _from[slot] = from;
        _to[slot] = to;
        _owner[slot] = owner;
        _kind[slot] = kind;
        _since[slot] = FloorSeconds(e.Since.Ticks);
        _until[slot] = e.Until is { } u ? CeilingSeconds(u.Ticks) : NoUntil;
        _slots.Add(slot, _edgeIds);
        Link(from, slot);
        Link(to, slot);
    }

    private void RemoveSlot(Guid id)
    {
        if (!_slots.Remove(id, _edgeIds, out var slot)) return;
        Unlink(_from[slot], slot);
        Unlink(_to[slot], slot);
        _edgeIds[slot] = Guid.Empty;
        _free.Push(slot);
    }

    private int NewSlot()
    {
        if (_edgeHigh == _edgeIds.Length) ResizeEdges(_edgeIds.Length * 2);
        return _edgeHigh++;
    }

    private void ResizeEdges(int size)
    {
        Array.Resize(ref _edgeIds, size);
        Array.Resize(ref _from, size);
        Array.Resize(ref _to, size);
        Array.Resize(ref _owner, size);
        Array.Resize(ref _kind, size);
        Array.Resize(ref _since, size);
        Array.Resize(ref _until, size);
    }

    private int Node(Guid party)
    {
        if (_nodeIds.TryGet(party, _nodes, out var id)) return id;
        if (_nodeCount == _nodes.Length)
        {
            var size = _nodes.Length * 2;
            Array.Resize(ref _nodes, size);
            Array.Resize(ref _adjacency, size);
            Array.Resize(ref _degree, size);
        }
        id = _nodeCount++;
        _nodes[id] = party;
        _nodeIds.Add(id, _nodes);
        return id;
    }

    private void Link(int node, int slot)
    {
        var list = _adjacency[node];
        var n = _degree[node];
        if (list is null) _adjacency[node] = list = new int[2];
        else if (n == list.Length) { Array.Resize(ref list, n * 2); _adjacency[node] = list; }
        list[n] = slot;
        _degree[node] = n + 1;
    }

    private void Unlink(int node, int slot)
    {
        var list = _adjacency[node]!;
        var n = _degree[node];
        var i = Array.IndexOf(list, slot, 0, n);
        if (i < 0) return;
        list[i] = list[n - 1];
        _degree[node] = n - 1;
    }

    public void Dispose()
    {
        _lock.Dispose();
        _walkers.Dispose();
    }

    // Whole seconds from 2000, rounded outwards: an edge may count as active up to a second early or late, never
    // inactive while it is active. Dates outside 1932–2068 clamp; a clamped end reads as open-ended.
    private static readonly long Epoch = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>The index's clock for <see cref="Graph.IsActiveAt"/>: whole seconds, rounded down.</summary>
    public static int Seconds(DateTime at) => FloorSeconds(at.Ticks);

    private static int FloorSeconds(long ticks)
    {
        var s = Math.DivRem(ticks - Epoch, TimeSpan.TicksPerSecond, out var rest);
        return (int)Math.Clamp(rest < 0 ? s - 1 : s, int.MinValue, int.MaxValue);
    }

    private static int CeilingSeconds(long ticks)
    {
        var s = Math.DivRem(ticks - Epoch, TimeSpan.TicksPerSecond, out var rest);
        return (int)Math.Clamp(rest > 0 ? s + 1 : s, int.MinValue, int.MaxValue);
    }

    /// <summary>Runs a synchronous read over the graph under the read lock.</summary>
    public T Read<T>(Func<Graph, T> read)
    {
        _lock.EnterReadLock();
        try { return read(new Graph(this)); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>
    /// Runs a walk under the read lock with working memory kept from earlier walks, at most one walk per core at once:
    /// a walk is CPU-bound, so more at a time only share the cores, and each would need memory of its own.
    /// </summary>
    public async Task<T> WalkAsync<T>(Func<Graph, WalkScratch, T> walk, CancellationToken ct = default)
    {
        await _walkers.WaitAsync(ct);
        var scratch = _scratch.TryTake(out var kept) ? kept : new WalkScratch();
        try { return Read(g => walk(g, scratch)); }
        finally
        {
            _scratch.Add(scratch);
            _walkers.Release();
        }
    }

    /// <summary>A read-only view for the duration of one <see cref="Read{T}"/>; never keep it.</summary>
    public readonly struct Graph
    {
        private readonly NetworkIndex _i;
        internal Graph(NetworkIndex index) => _i = index;

        public int NodeCount => _i._nodeCount;
        public bool TryGetNode(Guid party, out int node) => _i._nodeIds.TryGet(party, _i._nodes, out node);
        public Guid Party(int node) => _i._nodes[node];
        /// <summary>How many relationships touch the party, active or not.</summary>
        public int Degree(int node) => _i._degree[node];
        public ReadOnlySpan<int> Edges(int node) => _i._adjacency[node] is { } list ? list.AsSpan(0, _i._degree[node]) : [];
        public int Other(int slot, int node) => _i._from[slot] == node ? _i._to[slot] : _i._from[slot];
        public int From(int slot) => _i._from[slot];
        public int To(int slot) => _i._to[slot];
        public int Owner(int slot) => _i._owner[slot];
        public string Kind(int slot) => Kinds[_i._kind[slot]];
        public Guid RelationshipId(int slot) => _i._edgeIds[slot];
        public bool IsActiveAt(int slot, int nowSeconds) => _i._since[slot] <= nowSeconds && _i._until[slot] > nowSeconds;
    }
}
