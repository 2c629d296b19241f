using System.Diagnostics;
using Mutual.Core.Network;

namespace Mutual.Core.Tests;

/// <summary>
/// Opt-in (MUTUAL_BENCH=1): the network index at a million parties and five million relationships, in memory only.
/// Reports build time, managed memory and bytes per relationship, and search latency and allocation over random pairs at maxHops 4,
/// once as the system (every edge usable: the worst case, the whole graph is reachable) and once as one organization
/// whose own book is a hundred thousand of those relationships. MUTUAL_BENCH_OUT=file appends a markdown line.
/// </summary>
public sealed class PathBenchmark(ITestOutputHelper output)
{
    [Fact]
    public void MillionPartyNetwork()
    {
        if (Environment.GetEnvironmentVariable("MUTUAL_BENCH") != "1") Assert.Skip("Set MUTUAL_BENCH=1 to run the network index benchmark.");
        var parties = int.TryParse(Environment.GetEnvironmentVariable("MUTUAL_BENCH_PARTIES"), out var p) ? p : 1_000_000;
        const int perParty = 5;
        var now = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

        var edges = PathSearchTests.PowerLaw(parties, perParty, seed: 42);
        var ids = Enumerable.Range(0, parties).Select(_ => Guid.NewGuid()).ToArray();
        var owners = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var kinds = new[] { "knows", "works-for", "partner-of", "customer-of", "supplier-of" };
        var random = new Random(1);
        var owner = new byte[edges.Count];
        // One organization owns 100k of the relationships, the rest are spread over four others' books.
        for (var i = 0; i < owner.Length; i++) owner[i] = (byte)(random.Next(edges.Count) < 100_000 ? 0 : 1 + random.Next(4));

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        using var index = new NetworkIndex();
        index.Reserve(edges.Count); // as NetworkSync's full load does
        const int batch = 10_000;
        for (var start = 0; start < edges.Count; start += batch)
        {
            var end = Math.Min(edges.Count, start + batch);
            index.Apply(Enumerable.Range(start, end - start).Select(i =>
                new IndexedEdge(Guid.CreateVersion7(), ids[edges[i].From], ids[edges[i].To], kinds[i % kinds.Length], owners[owner[i]], now.AddDays(-30), null)), now);
        }
        var build = watch.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var bytesPerRelationship = (after - before) / (double)index.RelationshipCount;

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var system = Latencies(index, ids, new Random(2), _ => new EdgeRule(true, -1, -1, NetworkIndex.Seconds(now)), out var systemFound);
        var org = Latencies(index, ids, new Random(3), g => new EdgeRule(false, g.TryGetNode(owners[0], out var o) ? o : -1, -1, NetworkIndex.Seconds(now)), out var orgFound);
        var perSearch = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 2000.0 / 1024;

        var line = $"| {parties:N0} parties / {index.RelationshipCount:N0} relationships | build {build.TotalSeconds:F1} s | " +
            $"{(after - before) / 1048576.0:F0} MiB managed, {bytesPerRelationship:F0} B/relationship | " +
            $"system p50/p95/p99 {system[0]:F2}/{system[1]:F2}/{system[2]:F2} ms ({systemFound} of 1000 with a path) | " +
            $"one org's book p50/p95/p99 {org[0]:F2}/{org[1]:F2}/{org[2]:F2} ms ({orgFound} with a path) | {perSearch:F0} KiB allocated a search |";
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("MUTUAL_BENCH_OUT") is { Length: > 0 } file) File.AppendAllText(file, line + Environment.NewLine);
        GC.KeepAlive(edges);
    }

    private static double[] Latencies(NetworkIndex index, Guid[] ids, Random random, Func<NetworkIndex.Graph, EdgeRule> rule, out int found)
    {
        var times = new List<double>(1000);
        var scratch = new WalkScratch(); // kept between walks, as NetworkIndex.WalkAsync keeps one per core
        found = 0;
        for (var i = 0; i < 1000; i++)
        {
            var s = ids[random.Next(ids.Length)];
            var t = ids[random.Next(ids.Length)];
            var start = Stopwatch.GetTimestamp();
            var paths = index.Read(g => PathFinder.ShortestPaths(g, s, t, 4, rule(g), 50, scratch));
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (paths.Count > 0) found++;
        }
        times.Sort();
        return [times[499], times[949], times[989]];
    }
}
