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
/// from a tenant's hub (250,000 relationships at a million parties) grows the other side first. Growing a layer
/// notes, for each party reached, the relationships it was reached by; walks are read back from each meeting party
/// along those, which never hits a dead end and never looks at a party's other relationships, so enumeration costs
/// only what it returns. Each walk comes once as a sequence of parties and kinds: relationships of one kind between
/// the same two parties are one step.
/// </summary>
public static class PathFinder
{
    /// <param name="scratch">Memory kept from an earlier walk (<see cref="NetworkIndex.WalkAsync{T}"/>); one walk at a time each.</param>
    public static List<PathHop[]> ShortestPaths(in NetworkIndex.Graph g, Guid source, Guid target, int maxHops, EdgeRule rule, int cap,
        WalkScratch? scratch = null)
    {
        var result = new List<PathHop[]>();
        if (source == target || !g.TryGetNode(source, out var s) || !g.TryGetNode(target, out var t)) return result;

        scratch ??= new WalkScratch();
        var walk = scratch.Begin(g.NodeCount);
        var fromSource = new Side(scratch.Source, walk, s);
        var fromTarget = new Side(scratch.Target, walk, t);
        var meet = new List<int>();
        while (fromSource.Depth + fromTarget.Depth < maxHops && fromSource.Frontier.Count > 0 && fromTarget.Frontier.Count > 0)
        {
            if (fromSource.Work(g) <= fromTarget.Work(g)) fromSource.Grow(g, rule, fromTarget, meet);
            else fromTarget.Grow(g, rule, fromSource, meet);
            if (meet.Count > 0) break;
        }
        if (meet.Count == 0) return result;

        var stack = new List<int>();
        foreach (var m in meet)
        {
            var heads = new List<int[]>();
            var tails = new List<int[]>();
            fromSource.Walk(g, m, stack, heads, cap);
            fromTarget.Walk(g, m, stack, tails, cap);
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

    /// <summary>
    /// One side of the search: each party reached with its distance from the side's origin and the relationships it
    /// was reached by (a linked list in two flat lists: one small object per party would cost a hub's walk ~150,000),
    /// all in the scratch's arrays.
    /// </summary>
    private sealed class Side
    {
        private readonly WalkScratch.Half _h;
        private readonly int _walk;

        public Side(WalkScratch.Half half, int walk, int origin)
        {
            _h = half;
            _walk = walk;
            half.Start(walk, origin);
        }

        public List<int> Frontier => _h.Frontier;
        public int Depth { get; private set; }

        public bool Contains(int node) => _h.Mark[node] >> 3 == _walk;

        /// <summary>How many relationships growing the frontier by a layer looks at.</summary>
        public long Work(in NetworkIndex.Graph g)
        {
            long sum = 0;
            foreach (var u in Frontier) sum += g.Degree(u);
            return sum;
        }

        /// <summary>Grows the frontier by one layer; parties the other side has reached are met.</summary>
        public void Grow(in NetworkIndex.Graph g, EdgeRule rule, Side other, List<int> meet)
        {
            var depth = ++Depth;
            var (mark, firstStep, steps, nextSteps) = (_h.Mark, _h.FirstStep, _h.StepSlot, _h.NextStep);
            var next = _h.Next;
            next.Clear();
            foreach (var u in Frontier)
            {
                foreach (var slot in g.Edges(u))
                {
                    if (!rule.Allows(g, slot)) continue;
                    var v = g.Other(slot, u);
                    if (mark[v] >> 3 != _walk)
                    {
                        mark[v] = (_walk << 3) | depth;
                        firstStep[v] = -1;
                        next.Add(v);
                        if (other.Contains(v)) meet.Add(v);
                    }
                    else if ((mark[v] & 7) != depth) continue; // reached earlier, by a shorter walk
                    steps.Add(slot);
                    nextSteps.Add(firstStep[v]);
                    firstStep[v] = steps.Count - 1;
                }
            }
            (_h.Frontier, _h.Next) = (next, _h.Frontier);
        }

        /// <summary>Every chain of edge slots from <paramref name="node"/> back to the origin, up to cap.</summary>
        public void Walk(in NetworkIndex.Graph g, int node, List<int> stack, List<int[]> found, int cap)
        {
            if ((_h.Mark[node] & 7) == 0)
            {
                found.Add([.. stack]);
                return;
            }
            var first = _h.FirstStep[node];
            // Two relationships of one kind between the same two parties (recorded in two books, or one each way) are
            // one step: read as two, they would fill the candidates with walks that read the same.
            HashSet<(int, string)>? seen = _h.NextStep[first] >= 0 ? [] : null;
            for (var step = first; step >= 0 && found.Count < cap; step = _h.NextStep[step])
            {
                var slot = _h.StepSlot[step];
                var previous = g.Other(slot, node);
                if (seen is not null && !seen.Add((previous, g.Kind(slot)))) continue;
                stack.Add(slot);
                Walk(g, previous, stack, found, cap);
                stack.RemoveAt(stack.Count - 1);
            }
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
