using System.Diagnostics;
using Mutual.Core.Network;
using Mutual.Core.Relationships;

namespace Mutual.Core.Tests;

/// <summary>
/// The path finder on synthetic networks with hubs (preferential attachment: a few parties know very many), checked
/// against a plain breadth-first search; and, with MUTUAL_BENCH=1, the index at a million parties.
/// </summary>
public sealed class PathSearchTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly EdgeRule Everything = new(IsSystem: true, -1, -1, NetworkIndex.Seconds(Now));

    /// <summary>Barabási–Albert: each new party links to <paramref name="m"/> earlier ones picked in proportion to their degree.</summary>
    public static List<(int From, int To)> PowerLaw(int parties, int m, int seed)
    {
        var random = new Random(seed);
        var edges = new List<(int, int)>(parties * m);
        var ends = new List<int>(parties * m * 2);
        for (var i = 1; i <= m; i++) { edges.Add((0, i)); ends.Add(0); ends.Add(i); }
        for (var v = m + 1; v < parties; v++)
        {
            var picked = new HashSet<int>();
            for (var k = 0; k < m; k++)
            {
                var u = ends[random.Next(ends.Count)];
                if (!picked.Add(u)) continue; // no parallel relationships: the check counts walks over parties
                edges.Add((v, u));
                ends.Add(v);
                ends.Add(u);
            }
        }
        return edges;
    }

    private static (NetworkIndex Index, Guid[] Parties) Build(List<(int From, int To)> edges, int parties, Guid owner)
    {
        var ids = Enumerable.Range(0, parties).Select(_ => Guid.NewGuid()).ToArray();
        var index = new NetworkIndex();
        index.Apply(edges.Select(e => new IndexedEdge(Guid.NewGuid(), ids[e.From], ids[e.To], "knows", owner, Now.AddDays(-1), null)), Now);
        return (index, ids);
    }

    /// <summary>Plain BFS distances and the number of shortest walks (over edges, so parallel relationships count twice).</summary>
    private static (int[] Dist, long[] Ways) Bfs(List<(int From, int To)> edges, int parties, int source)
    {
        var adjacency = new List<int>[parties];
        for (var i = 0; i < parties; i++) adjacency[i] = [];
        foreach (var (f, t) in edges) { adjacency[f].Add(t); adjacency[t].Add(f); }
        var dist = Enumerable.Repeat(-1, parties).ToArray();
        var ways = new long[parties];
        dist[source] = 0;
        ways[source] = 1;
        var queue = new Queue<int>([source]);
        while (queue.TryDequeue(out var u))
            foreach (var v in adjacency[u])
            {
                if (dist[v] < 0) { dist[v] = dist[u] + 1; queue.Enqueue(v); }
                if (dist[v] == dist[u] + 1) ways[v] += ways[u];
            }
        return (dist, ways);
    }

    [Fact]
    public void FindsEveryShortestPathOfAHubbyNetwork()
    {
        const int n = 3000;
        var edges = PowerLaw(n, 2, seed: 7);
        var (index, ids) = Build(edges, n, Guid.NewGuid());
        var byId = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var edgeSet = edges.SelectMany(e => new[] { (e.From, e.To), (e.To, e.From) }).ToHashSet();
        var random = new Random(11);
        for (var trial = 0; trial < 90; trial++)
        {
            // Party 0 is the network's biggest hub: a third of the walks start or end there.
            var s = trial % 3 == 0 ? 0 : random.Next(n);
            var t = trial % 3 == 1 ? 0 : random.Next(n);
            if (s == t) continue;
            var (dist, ways) = Bfs(edges, n, s);
            var paths = index.Read(g => PathFinder.ShortestPaths(g, ids[s], ids[t], 6, Everything, 50));
            if (dist[t] is < 0 or > 6)
            {
                Assert.Empty(paths);
                continue;
            }
            Assert.Equal((int)Math.Min(50, ways[t]), paths.Count);
            foreach (var path in paths)
            {
                Assert.Equal(dist[t], path.Length);
                Assert.Equal(ids[s], path[0].FromPartyId);
                Assert.Equal(ids[t], path[^1].ToPartyId);
                for (var i = 0; i < path.Length; i++)
                {
                    Assert.Contains((byId[path[i].FromPartyId], byId[path[i].ToPartyId]), edgeSet);
                    if (i > 0) Assert.Equal(path[i - 1].ToPartyId, path[i].FromPartyId);
                }
            }
            Assert.Equal(paths.Count, paths.Select(p => string.Join(",", p.Select(h => h.ToPartyId))).Distinct().Count());
            // Never longer than asked.
            var shorter = index.Read(g => PathFinder.ShortestPaths(g, ids[s], ids[t], dist[t] - 1, Everything, 50));
            Assert.Empty(shorter);
        }
    }

    [Fact]
    public async Task WalksThatKeepTheirMemoryFindWhatFreshWalksFind()
    {
        const int n = 3000;
        var (index, ids) = Build(PowerLaw(n, 2, seed: 5), n, Guid.NewGuid());
        var parties = ids.ToList();
        // The walk number wraps part way through (to numbers the first walks used), and the index outgrows the kept arrays.
        var kept = new WalkScratch();
        var random = new Random(3);
        for (var trial = 0; trial < 80; trial++)
        {
            if (trial == 20) kept.Walk = (1 << 28) - 10;
            if (trial == 40)
            {
                var grown = Enumerable.Range(0, 2000).Select(_ => Guid.NewGuid()).ToList();
                index.Apply(grown.Select((p, i) => new IndexedEdge(Guid.NewGuid(), i == 0 ? ids[0] : grown[i - 1], p, "knows", Guid.NewGuid(), Now.AddDays(-1), null)), Now);
                parties.AddRange(grown);
            }
            var s = trial % 2 == 0 ? ids[0] : parties[random.Next(parties.Count)];
            var t = parties[random.Next(Math.Max(0, parties.Count - 2010), parties.Count)];
            var fresh = index.Read(g => PathFinder.ShortestPaths(g, s, t, 4, Everything, 50));
            var reused = index.Read(g => PathFinder.ShortestPaths(g, s, t, 4, Everything, 50, kept));
            Assert.Equal(Describe(fresh), Describe(reused));
        }
        Assert.InRange(kept.Walk, 1, 60);

        // Through the index's own pool, many at once: each walk has memory of its own while it runs.
        var pairs = Enumerable.Range(0, 64).Select(_ => (S: parties[random.Next(parties.Count)], T: parties[random.Next(parties.Count)])).ToList();
        var together = await Task.WhenAll(pairs.Select(p => Task.Run(() => index.WalkAsync((g, scratch) => Describe(PathFinder.ShortestPaths(g, p.S, p.T, 4, Everything, 50, scratch))))));
        Assert.Equal(pairs.Select(p => index.Read(g => Describe(PathFinder.ShortestPaths(g, p.S, p.T, 4, Everything, 50)))), together);

        // As many walks as cores run at once, and no two of them share memory.
        using var allIn = new Barrier(Environment.ProcessorCount);
        var lent = await Task.WhenAll(Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(() => index.WalkAsync((g, scratch) =>
        {
            Assert.True(allIn.SignalAndWait(TimeSpan.FromSeconds(10)), "the walks did not run at once");
            return scratch;
        }))));
        Assert.Equal(lent.Length, lent.Distinct().Count());
    }

    private static string Describe(List<PathHop[]> paths) =>
        string.Join(" | ", paths.Select(p => string.Join(",", p.Select(h => $"{h.FromPartyId}>{h.ToPartyId}"))).Order());

    [Fact]
    public void WalksOnlyRelationshipsTheActorMaySeeAndThatAreActive()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid(), me = Guid.NewGuid(), other = Guid.NewGuid(), person = Guid.NewGuid();
        var index = new NetworkIndex();
        index.Apply([
            new(Guid.NewGuid(), a, b, "knows", other, Now.AddDays(-5), null),          // someone else's book: hidden
            new(Guid.NewGuid(), a, c, "knows", me, Now.AddDays(-5), null),
            new(Guid.NewGuid(), d, c, "works-for", me, Now.AddDays(-5), null),         // walked backwards, keeps its kind
            new(Guid.NewGuid(), b, d, "partner-of", other, Now.AddDays(-5), null),
            new(Guid.NewGuid(), person, b, "knows", other, Now.AddDays(-5), null),     // visible to its end, the actor's person
            new(Guid.NewGuid(), c, person, "knows", me, Now.AddDays(-5), null),
            new(Guid.NewGuid(), a, d, "knows", me, Now.AddDays(5), null),              // not started yet
            new(Guid.NewGuid(), a, person, "knows", me, Now.AddDays(-5), Now.AddDays(-1)), // ended: never indexed
        ], Now);
        Assert.Equal(7, index.RelationshipCount);

        var paths = index.Read(g => PathFinder.ShortestPaths(g, a, d, 4, Rule(g, me, person), 50));
        var path = Assert.Single(paths);
        // d works for c, walked from c to d: backwards, which the hop says so the step reads "employs".
        Assert.Equal([new PathHop(a, c, "knows"), new PathHop(c, d, "works-for", Backward: true)], path);

        var viaPerson = index.Read(g => PathFinder.ShortestPaths(g, a, b, 4, Rule(g, me, person), 50));
        // a→b and d→b are someone else's; the way round is through the actor's own person, whose link it sees.
        Assert.Equal([new PathHop(a, c, "knows"), new PathHop(c, person, "knows"), new PathHop(person, b, "knows")], Assert.Single(viaPerson));
    }

    [Fact]
    public void RelationshipsOfOneKindBetweenTheSamePartiesAreOneStep()
    {
        // a and b know each other in three books (one recorded the other way round), and b works for c twice over;
        // a also works for b. Read relationship by relationship that is 3 × 2 + 2 walks; they read as two.
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var index = new NetworkIndex();
        index.Apply([
            new(Guid.NewGuid(), a, b, "knows", Guid.NewGuid(), Now.AddDays(-5), null),
            new(Guid.NewGuid(), a, b, "knows", Guid.NewGuid(), Now.AddDays(-5), null),
            new(Guid.NewGuid(), b, a, "knows", Guid.NewGuid(), Now.AddDays(-5), null),
            new(Guid.NewGuid(), a, b, "works-for", Guid.NewGuid(), Now.AddDays(-5), null),
            new(Guid.NewGuid(), b, c, "works-for", Guid.NewGuid(), Now.AddDays(-5), null),
            new(Guid.NewGuid(), b, c, "works-for", Guid.NewGuid(), Now.AddDays(-5), null),
        ], Now);

        foreach (var (from, to) in new[] { (a, c), (c, a) })
        {
            var paths = index.Read(g => PathFinder.ShortestPaths(g, from, to, 4, Everything, 50));
            var kinds = paths.Select(p => string.Join(",", p.Select(h => h.Kind))).Order().ToList();
            Assert.Equal(from == a ? ["knows,works-for", "works-for,works-for"] : ["works-for,knows", "works-for,works-for"], kinds);
        }
    }

    private static EdgeRule Rule(in NetworkIndex.Graph g, Guid party, Guid person) =>
        new(false, g.TryGetNode(party, out var p) ? p : -1, g.TryGetNode(person, out var q) ? q : -1, NetworkIndex.Seconds(Now));

    [Fact]
    public void ApplyingTheSameRowTwiceChangesNothingAndEndingRemoves()
    {
        var index = new NetworkIndex();
        var edge = new IndexedEdge(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "knows", Guid.NewGuid(), Now.AddDays(-1), null);
        index.Apply([edge, edge], Now);
        index.Apply([edge], Now);
        Assert.Equal(1, index.RelationshipCount);
        Assert.Single(index.Read(g => PathFinder.ShortestPaths(g, edge.FromPartyId, edge.ToPartyId, 1, Everything, 50)));
        index.Apply([edge with { Until = Now.AddMinutes(-1) }], Now);
        Assert.Equal(0, index.RelationshipCount);
        Assert.Empty(index.Read(g => PathFinder.ShortestPaths(g, edge.FromPartyId, edge.ToPartyId, 4, Everything, 50)));
    }

    [Fact]
    public void DatesKeptToTheSecondNeverHideALinkThatIsActive()
    {
        // The index keeps whole seconds (memory): a link that started this very tick, or ends one tick from now, is active.
        var at = Now.AddTicks(3_456_789);
        var index = new NetworkIndex();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), owner = Guid.NewGuid();
        index.Apply([
            new(Guid.NewGuid(), a, b, "knows", owner, at, null),
            new(Guid.NewGuid(), b, c, "knows", owner, at.AddYears(-40), at.AddTicks(1)),
        ], at);
        var rule = new EdgeRule(true, -1, -1, NetworkIndex.Seconds(at));
        Assert.Single(index.Read(g => PathFinder.ShortestPaths(g, a, c, 2, rule, 50)));
        // A day later the second link has ended, and a link that starts tomorrow is not walked today.
        var later = new EdgeRule(true, -1, -1, NetworkIndex.Seconds(at.AddDays(1)));
        Assert.Empty(index.Read(g => PathFinder.ShortestPaths(g, a, c, 2, later, 50)));
        index.Apply([new(Guid.NewGuid(), a, c, "knows", owner, at.AddDays(1), null)], at);
        Assert.Empty(index.Read(g => PathFinder.ShortestPaths(g, a, c, 1, rule, 50)));
    }

    [Fact]
    public void StrengthIsTheGeometricMeanOfLinkWeights()
    {
        Assert.Equal(1, PathSearch.Strength([0, 0, 0]));
        var one = 1 + Math.Log(1 + 10);
        Assert.Equal(Math.Round(Math.Sqrt(one), 4), PathSearch.Strength([10, 0]));
        Assert.True(PathSearch.Strength([5, 5]) > PathSearch.Strength([10, 0]));
    }

    [Fact]
    public void AHopReadsInWalkOrderWithTheKindsForwardOrReverseLabel()
    {
        // "Wayne Bottling is a customer of Northwind", walked from Northwind: Northwind has as customer Wayne Bottling.
        Assert.Equal("is a customer of", RelationshipKinds.Reading("customer-of", backward: false));
        Assert.Equal("has as customer", RelationshipKinds.Reading("customer-of", backward: true));
        Assert.Equal("employs", RelationshipKinds.Reading("works-for", backward: true));
        Assert.Equal("supplies", RelationshipKinds.Reading("supplier-of", backward: false));
        Assert.Equal("some-new-kind", RelationshipKinds.Reading("some-new-kind", backward: true));
    }

    [Fact]
    public void HopsKnowTheirDirectionAndTheJsonKeepsItsShape()
    {
        Guid org = Guid.NewGuid(), customer = Guid.NewGuid(), person = Guid.NewGuid();
        var index = new NetworkIndex();
        index.Apply([
            new(Guid.NewGuid(), customer, org, "customer-of", org, Now.AddDays(-5), null),
            new(Guid.NewGuid(), customer, person, "knows", org, Now.AddDays(-5), null),
        ], Now);
        var path = Assert.Single(index.Read(g => PathFinder.ShortestPaths(g, org, person, 4, Everything, 50)));
        Assert.Equal([new PathHop(org, customer, "customer-of", Backward: true), new PathHop(customer, person, "knows", Backward: false)], path);
        var back = Assert.Single(index.Read(g => PathFinder.ShortestPaths(g, person, org, 4, Everything, 50)));
        Assert.Equal([true, false], back.Select(h => h.Backward));

        var json = System.Text.Json.JsonSerializer.Serialize(path[0], System.Text.Json.JsonSerializerOptions.Web);
        Assert.Equal($"{{\"fromPartyId\":\"{org}\",\"toPartyId\":\"{customer}\",\"kind\":\"customer-of\"}}", json);
    }

    [Theory]
    [InlineData(new[] { 0, 0 }, 0, "No recent dialogue")]
    [InlineData(new[] { 1, 0 }, 1, "Little recent dialogue")]
    [InlineData(new[] { 1, 1 }, 2, "Some recent dialogue")]
    [InlineData(new[] { 3, 3 }, 2, "Some recent dialogue")]
    [InlineData(new[] { 4, 4 }, 3, "Strong recent dialogue")]
    [InlineData(new[] { 40, 0 }, 2, "Some recent dialogue")]
    public void StrengthReadsAsALabel(int[] messages, int level, string label)
    {
        var strength = PathSearch.Strength(messages);
        Assert.Equal(level, PathSearch.StrengthLevel(strength));
        Assert.Equal(label, PathSearch.StrengthLabel(strength));
    }
}
