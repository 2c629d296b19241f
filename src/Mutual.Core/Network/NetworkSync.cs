using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Relationships;

namespace Mutual.Core.Network;

/// <summary>
/// Keeps this node's <see cref="NetworkIndex"/> current. A full load streams the active relationships once; after
/// that, catch-up reads what is new by id order (UUIDv7, so time order): relationship.created/ended events in the
/// outbox, and relationship rows themselves (an account's works-for link is written without an event). Each
/// relationship named is reloaded from its row, so replaying is harmless. Ids increase within one process, but
/// another node's ids can land behind this node's cursor, so the periodic pass looks back two minutes and skips
/// what it has already seen.
/// </summary>
public sealed class NetworkSync(NetworkIndex index, IDbContextFactory<MutualDbContext> factory, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lookback = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Even the forward pass starts a little behind its cursor: two writers of this node may commit in the other
    /// order than they took their ids. Ids already applied are skipped, so this costs one short range read.
    /// </summary>
    public static readonly TimeSpan ShortLookback = TimeSpan.FromSeconds(5);
    private const int Batch = 5000;
    private static readonly string[] EventTypes = ["relationship.created", "relationship.ended"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _warmGate = new();
    private Task? _warm;
    private Guid _outboxCursor;
    private Guid _relationshipCursor;
    private readonly HashSet<Guid> _seen = [];
    private long _passesStarted;
    private long _lastFinishedPass;

    /// <summary>The full load, started once (again only if it failed); every caller awaits the same task, and no caller's cancellation stops it.</summary>
    public Task WarmAsync()
    {
        lock (_warmGate)
        {
            if (_warm is null || _warm.IsFaulted || _warm.IsCanceled) _warm = LoadAsync(CancellationToken.None);
            return _warm;
        }
    }

    /// <summary>Waits for the full load up to a time limit; false if it is still running (a large network takes a while).</summary>
    public async Task<bool> WaitWarmAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await WarmAsync().WaitAsync(timeout, clock, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateSystemAsync(ct);
            // Cursors first: whatever changes during the load is at or after them, and catch-up replays it.
            _outboxCursor = await db.Outbox.OrderByDescending(o => o.Id).Select(o => o.Id).FirstOrDefaultAsync(ct);
            _relationshipCursor = await db.Relationships.OrderByDescending(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var active = db.Relationships.Where(r => r.Until == null || r.Until > now);
            // Counting first costs a scan but lets the index allocate its arrays once instead of doubling past the need.
            index.Reserve(await active.CountAsync(ct));
            var batch = new List<IndexedEdge>(Batch);
            var rows = active.Select(r => new IndexedEdge(r.Id, r.FromPartyId, r.ToPartyId, r.Kind, r.OwnerPartyId, r.Since, r.Until));
            await foreach (var edge in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                batch.Add(edge);
                if (batch.Count < Batch) continue;
                index.Apply(batch, now);
                batch.Clear();
            }
            index.Apply(batch, now);
            _outboxCursor = Floor(_outboxCursor);
            _relationshipCursor = Floor(_relationshipCursor);
            index.IsWarm = true;
        }
        finally { _gate.Release(); }
    }

    /// <summary>
    /// Applies what changed since the last pass. <paramref name="lookback"/> re-reads the last two minutes (by id
    /// time) for other nodes' late writes; without it, only ids past the cursor (cheap, for every search).
    /// </summary>
    public async Task<int> CatchUpAsync(bool lookback, CancellationToken ct = default)
    {
        await WarmAsync().WaitAsync(ct);
        var arrived = Interlocked.Read(ref _passesStarted);
        await _gate.WaitAsync(ct);
        try
        {
            // Searches queue here together: a forward pass that started after this caller arrived has read its writes.
            if (!lookback && Interlocked.Read(ref _lastFinishedPass) > arrived) return 0;
            var pass = Interlocked.Increment(ref _passesStarted);
            var passStartedMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(); // ids carry wall-clock time (Uuid7), so cursors do too
            await using var db = await factory.CreateSystemAsync(ct);
            var touched = new HashSet<Guid>();
            var seenNow = new List<Guid>();
            var from = Floor(_outboxCursor, lookback ? Lookback : ShortLookback);
            while (true)
            {
                var page = await db.Outbox.Where(o => o.Id.CompareTo(from) > 0 && EventTypes.Contains(o.Type))
                    .OrderBy(o => o.Id).Select(o => o.Id).Take(Batch).ToListAsync(ct);
                var fresh = page.Where(id => !_seen.Contains(id)).ToList();
                if (fresh.Count > 0)
                {
                    var data = await db.Outbox.Where(o => fresh.Contains(o.Id)).Select(o => o.Data).ToListAsync(ct);
                    foreach (var json in data)
                        if (RelationshipId(json) is { } id) touched.Add(id);
                }
                seenNow.AddRange(fresh);
                if (page.Count > 0) _outboxCursor = Max(_outboxCursor, from = page[^1]);
                if (page.Count < Batch) break;
            }
            // Every relationship event up to this pass's start has been read (later commits of earlier ids are what the
            // lookback is for), so the cursor moves up to it even when none matched: otherwise a busy outbox of message
            // events would be scanned again from the last relationship change on every search.
            _outboxCursor = Max(_outboxCursor, Uuid7.First(passStartedMs));
            from = Floor(_relationshipCursor, lookback ? Lookback : ShortLookback);
            while (true)
            {
                var page = await db.Relationships.Where(r => r.Id.CompareTo(from) > 0)
                    .OrderBy(r => r.Id).Select(r => r.Id).Take(Batch).ToListAsync(ct);
                var fresh = page.Where(id => !_seen.Contains(id)).ToList();
                touched.UnionWith(fresh);
                seenNow.AddRange(fresh);
                if (page.Count > 0) _relationshipCursor = Max(_relationshipCursor, from = page[^1]);
                if (page.Count < Batch) break;
            }
            if (touched.Count > 0) await ReloadAsync(db, touched, ct);

            // Only once applied: a failed pass is read again next time.
            _seen.UnionWith(seenNow);
            var oldest = Uuid7.Milliseconds(Floor(Min(_outboxCursor, _relationshipCursor)));
            _seen.RemoveWhere(id => Uuid7.Milliseconds(id) < oldest);
            Interlocked.Exchange(ref _lastFinishedPass, pass);
            return touched.Count;
        }
        finally { _gate.Release(); }
    }

    public void Dispose() => _gate.Dispose();

    private async Task ReloadAsync(MutualDbContext db, HashSet<Guid> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Relationships.AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(ct);
            index.Apply(rows.Select(Edge), now);
            foreach (var missing in chunk.Except(rows.Select(r => r.Id))) index.Remove(missing);
        }
    }

    private static IndexedEdge Edge(Relationship r) => new(r.Id, r.FromPartyId, r.ToPartyId, r.Kind, r.OwnerPartyId, r.Since, r.Until);

    private static Guid? RelationshipId(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.TryGetProperty("relationshipId", out var p) && p.TryGetGuid(out var id) ? id : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>The smallest UUIDv7 of the moment <paramref name="back"/> (default <see cref="Lookback"/>) before the id's.</summary>
    private static Guid Floor(Guid id, TimeSpan? back = null)
    {
        if (id == Guid.Empty) return id;
        return Uuid7.First(Uuid7.Milliseconds(id) - (long)(back ?? Lookback).TotalMilliseconds);
    }

    private static Guid Max(Guid a, Guid b) => a.CompareTo(b) >= 0 ? a : b;
    private static Guid Min(Guid a, Guid b) => a.CompareTo(b) <= 0 ? a : b;
}
