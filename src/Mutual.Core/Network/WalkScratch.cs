namespace Mutual.Core.Network;

/// <summary>
/// The working memory of a walk (<see cref="PathFinder"/>), kept for the next one. For each side, per party of the
/// index: whether this walk reached it and at what distance (the walk's number and the distance in one int, so nothing
/// is cleared between walks), and the first relationship it was reached by; the steps and the frontiers are lists
/// that keep their capacity. A walk from a hub reaches a quarter of a million parties: as dictionaries made afresh,
/// each such walk allocated ~18 MiB, most of it large objects only a full collection gives back, and sixteen at once
/// grew the server by hundreds of MiB. <see cref="NetworkIndex.WalkAsync{T}"/> keeps one per core.
/// </summary>
public sealed class WalkScratch
{
    private const int Walks = 1 << 28; // the distance takes the low three bits (at most 6 hops a side)
    private int _walk;

    /// <summary>The last walk's number (tests start near the wrap-around).</summary>
    internal int Walk { get => _walk; set => _walk = value; }

    internal Half Source { get; } = new();
    internal Half Target { get; } = new();

    /// <summary>Starts a walk over an index of <paramref name="nodeCount"/> parties; returns the walk's number.</summary>
    internal int Begin(int nodeCount)
    {
        Source.Fit(nodeCount);
        Target.Fit(nodeCount);
        if (++_walk == Walks)
        {
            Source.Forget();
            Target.Forget();
            _walk = 1;
        }
        return _walk;
    }

    internal sealed class Half
    {
        public int[] Mark = []; // (walk << 3) | distance; 0 (walk 0) is never a walk's
        public int[] FirstStep = [];
        public List<int> StepSlot { get; } = [];
        public List<int> NextStep { get; } = [];
        public List<int> Frontier = [];
        public List<int> Next = [];

        public void Fit(int nodeCount)
        {
            if (Mark.Length >= nodeCount) return;
            var size = nodeCount + nodeCount / 8 + 1024; // room for the parties added until the next resize
            Array.Resize(ref Mark, size);
            Array.Resize(ref FirstStep, size);
        }

        public void Forget() => Array.Clear(Mark);

        public void Start(int walk, int origin)
        {
            StepSlot.Clear();
            NextStep.Clear();
            Frontier.Clear();
            Next.Clear();
            Mark[origin] = walk << 3;
            FirstStep[origin] = -1;
            Frontier.Add(origin);
        }
    }
}
