using System.Text.Json.Serialization;

namespace Mutual.Core.Network;

/// <summary>
/// One step of a walk: from the previous party to the next, over a relationship of a kind (as stored).
/// <paramref name="Backward"/>: the walk crossed the relationship from its to-end to its from-end, so the step reads
/// with the kind's reverse label (RelationshipKinds.Reading). It is for the UI and stays out of the JSON, whose
/// shape API.md fixes.
/// </summary>
public sealed record PathHop(Guid FromPartyId, Guid ToPartyId, string Kind, [property: JsonIgnore] bool Backward = false);

/// <summary>
/// Which relationships a walk may use, the access rule for relationships applied in memory (AccessRules: the
/// owner and both ends see a relationship), plus "active now". Node ids are the index's; -1 when absent.
/// </summary>
public readonly record struct EdgeRule(bool IsSystem, int ActorParty, int ActorPerson, int NowSeconds)
{
    public bool Allows(in NetworkIndex.Graph g, int slot)
    {
        if (!g.IsActiveAt(slot, NowSeconds)) return false;
        if (IsSystem) return true;
        var owner = g.Owner(slot);
        var from = g.From(slot);
        var to = g.To(slot);
        return (ActorParty >= 0 && (owner == ActorParty || from == ActorParty || to == ActorParty))
            || (ActorPerson >= 0 && (from == ActorPerson || to == ActorPerson));
    }
}

/// <summary>
/// All shortest walks between two parties, by bidirectional breadth-first search: each round grows the smaller
/// frontier by one whole layer, so the first layer that touches the other side gives the shortest length and every
/// meeting party. The smaller frontier is the one with fewer relationships to look at, not fewer parties: a walk
/// from a tenant's hub (250,000 relationships at a million parties) grows the other side first. Walks are then read
/// back from each meeting party towards both ends along strictly decreasing distances, which never hits a dead end,
/// so enumeration costs only what it returns.
/// </summary>
public static class PathFinder
{
    public static List<PathHop[]> ShortestPaths(in NetworkIndex.Graph g, Guid source, Guid target, int maxHops, EdgeRule rule, int cap)
    {
        var result = new List<PathHop[]>();
        if (source == target || !g.TryGetNode(source, out var s) || !g.TryGetNode(target, out var t)) return result;

        var distS = new Dictionary<int, int> { [s] = 0 };
        var distT = new Dictionary<int, int> { [t] = 0 };
        var frontS = new List<int> { s };
        var frontT = new List<int> { t };
        int a = 0, b = 0;
        var meet = new List<int>();
        while (a + b < maxHops && frontS.Count > 0 && frontT.Count > 0)
        {
            if (Work(g, frontS) <= Work(g, frontT))
            {
                frontS = Expand(g, frontS, distS, distT, ++a, rule, meet);
            }
            else
            {
                frontT = Expand(g, frontT, distT, distS, ++b, rule, meet);
            }
            if (meet.Count > 0) break;
        }
        if (meet.Count == 0) return result;

        var toSource = new Steps(g, distS, rule);
        var toTarget = new Steps(g, distT, rule);
        var stack = new List<int>();
        foreach (var m in meet)
        {
            var heads = new List<int[]>();
            var tails = new List<int[]>();
            Walk(m, toSource, stack, heads, cap);
            Walk(m, toTarget, stack, tails, cap);
            foreach (var head in heads)
            {
                foreach (var tail in tails)
                {
                    result.Add(Join(g, s, head, tail));
                    if (result.Count >= cap) return result;
                }
            }
        }
        return result;
    }

    /// <summary>How many relationships growing this frontier by a layer looks at.</summary>
    private static long Work(in NetworkIndex.Graph g, List<int> frontier)
    {
        long sum = 0;
        foreach (var u in frontier) sum += g.Degree(u);
        return sum;
    }

    private static List<int> Expand(in NetworkIndex.Graph g, List<int> frontier, Dictionary<int, int> mine, Dictionary<int, int> theirs,
        int depth, EdgeRule rule, List<int> meet)
    {
        var next = new List<int>();
        foreach (var u in frontier)
        {
            foreach (var slot in g.Edges(u))
            {
                if (!rule.Allows(g, slot)) continue;
                var v = g.Other(slot, u);
                if (!mine.TryAdd(v, depth)) continue;
                next.Add(v);
                if (theirs.ContainsKey(v)) meet.Add(v);
            }
        }
        return next;
    }

    /// <summary>Every chain of edge slots from <paramref name="node"/> down to distance 0 (the end this side grew from), up to cap.</summary>
    private static void Walk(int node, Steps steps, List<int> stack, List<int[]> found, int cap)
    {
        if (steps.Distance(node) == 0)
        {
            found.Add([.. stack]);
            return;
        }
        foreach (var slot in steps.Down(node))
        {
            if (found.Count >= cap) return;
            stack.Add(slot);
            Walk(steps.Other(slot, node), steps, stack, found, cap);
            stack.RemoveAt(stack.Count - 1);
        }
    }

    /// <summary>
    /// The edges from a party one step nearer the end a side grew from, found once per party: walks from many meeting
    /// parties run through the same few organizations, and finding a step means looking at all of a party's
    /// relationships (tens of thousands for a large employer), which is what made enumeration cost more than the search.
    /// </summary>
    private sealed class Steps(NetworkIndex.Graph g, Dictionary<int, int> dist, EdgeRule rule)
    {
        private readonly Dictionary<int, int[]> _down = [];

        public int Distance(int node) => dist[node];

        public int Other(int slot, int node) => g.Other(slot, node);

        public int[] Down(int node)
        {
            if (_down.TryGetValue(node, out var known)) return known;
            var d = dist[node];
            var steps = new List<int>();
            foreach (var slot in g.Edges(node))
            {
                if (!rule.Allows(g, slot)) continue;
                if (dist.TryGetValue(g.Other(slot, node), out var dv) && dv == d - 1) steps.Add(slot);
            }
            return _down[node] = [.. steps];
        }
    }

    /// <summary>A head (slots from the meeting party back to the source) reversed, then a tail (slots from it on to the target).</summary>
    private static PathHop[] Join(in NetworkIndex.Graph g, int source, int[] head, int[] tail)
    {
        var hops = new PathHop[head.Length + tail.Length];
        var at = source;
        var i = 0;
        for (var k = head.Length - 1; k >= 0; k--) at = Step(g, head[k], at, hops, i++);
        foreach (var slot in tail) at = Step(g, slot, at, hops, i++);
        return hops;
    }

    private static int Step(in NetworkIndex.Graph g, int slot, int at, PathHop[] hops, int i)
    {
        var next = g.Other(slot, at);
        hops[i] = new PathHop(g.Party(at), g.Party(next), g.Kind(slot), Backward: g.From(slot) != at);
        return next;
    }
}
