namespace Mutual.Core.Demo.Synthetic;

/// <summary>A relationship the graph decided on: parties by index, the book (tenant) it is in, and the party slot it was made in.</summary>
internal readonly record struct SyntheticEdge(int From, int To, string Kind, int Book, int Slot);

/// <summary>
/// The shape of the network, decided in memory before any row is written: each party's kind, book, weight
/// and employer, and then the relationships between them. Parties arrive one by one over three years; a
/// relationship made at some moment links parties that exist by then, each end drawn with probability
/// proportional to a Pareto-distributed weight (a Chung–Lu graph), so a few parties are hubs and most are leaves.
/// Every book is a tenant's: relationships stay inside it, and a share of its companies are the tenant's own
/// customers, suppliers and partners, which makes each tenant the largest hub of its book.
/// </summary>
internal sealed class SyntheticGraph
{
    public const int Tenants = 4;
    private static readonly double[] BookShare = [0.60, 0.20, 0.12, 0.08];
    private const double OrganizationShare = 0.25;
    private const double EmployedShare = 0.90;
    private const double TenantStaffShare = 0.01;
    private const double TenantEdgeShare = 0.15;
    private const int TenantStaffMax = 1000;

    private readonly WeightedGroup[] _persons = [.. Enumerable.Range(0, Tenants).Select(_ => new WeightedGroup())];
    private readonly WeightedGroup[] _organizations = [.. Enumerable.Range(0, Tenants).Select(_ => new WeightedGroup())];

    public int Count { get; }
    public bool[] IsOrganization { get; }
    public byte[] Book { get; }

    /// <summary>The organization a person works for, or -1.</summary>
    public int[] Employer { get; }

    /// <summary>An organization's first employee, who speaks for it in conversations; -1 when it has none.</summary>
    public int[] Contact { get; }

    /// <summary>Per book, people who work for the tenant itself: they write the tenant's side of its conversations.</summary>
    public List<int>[] TenantStaff { get; } = [.. Enumerable.Range(0, Tenants).Select(_ => new List<int>())];

    /// <summary>Per book, the relationships in the order they were made (from and to packed in one long), for choosing who talks.</summary>
    public List<long>[] BookEdges { get; } = [.. Enumerable.Range(0, Tenants).Select(_ => new List<long>())];

    public int Employed { get; private set; }

    public SyntheticGraph(int count, Random rng)
    {
        Count = count;
        IsOrganization = new bool[count];
        Book = new byte[count];
        Employer = new int[count];
        Contact = new int[count];
        Array.Fill(Employer, -1);
        Array.Fill(Contact, -1);
        for (var i = 0; i < count; i++)
        {
            var book = i < Tenants ? i : PickBook(rng);
            var organization = i < Tenants || rng.NextDouble() < OrganizationShare;
            Book[i] = (byte)book;
            IsOrganization[i] = organization;
            // Pareto(α = 1.3): median weight ~1.7, a few in a thousand above 100.
            var weight = Math.Min(Math.Pow(1 - rng.NextDouble(), -1 / 1.3), 100_000);
            (organization ? _organizations : _persons)[book].Add(i, weight);
            if (organization || i < Tenants || rng.NextDouble() >= EmployedShare) continue;
            var employer = rng.NextDouble() < TenantStaffShare ? book : _organizations[book].Sample(rng, i);
            Employer[i] = employer;
            Employed++;
            if (Contact[employer] < 0) Contact[employer] = i;
            if (employer < Tenants && TenantStaff[book].Count < TenantStaffMax) TenantStaff[book].Add(i);
        }
    }

    public static int PickBook(Random rng)
    {
        var u = rng.NextDouble();
        for (var b = 0; b < Tenants - 1; b++)
        {
            if (u < BookShare[b]) return b;
            u -= BookShare[b];
        }
        return Tenants - 1;
    }

    /// <summary>
    /// Exactly <paramref name="total"/> relationships in time order: each employment when its person arrives, and the
    /// others spread evenly over the arrivals, between parties that exist by then.
    /// </summary>
    public IEnumerable<SyntheticEdge> Edges(long total, Random rng)
    {
        var others = total - Employed;
        if (others < 0) throw new InvalidOperationException("Fewer relationships than employments.");
        for (var i = 0; i < Count; i++)
        {
            if (Employer[i] >= 0) yield return Keep(new SyntheticEdge(i, Employer[i], "works-for", Book[i], i));
            var due = (long)((i + 1) * (double)others / Count) - (long)(i * (double)others / Count);
            for (var j = 0; j < due; j++) yield return Keep(Other(rng, i + 1, i));
        }
    }

    private SyntheticEdge Keep(SyntheticEdge edge)
    {
        BookEdges[edge.Book].Add((long)edge.From << 32 | (uint)edge.To);
        return edge;
    }

    private SyntheticEdge Other(Random rng, int limit, int slot)
    {
        var book = PickBook(rng);
        var u = rng.NextDouble();
        if (u < 0.6)
        {
            var a = _persons[book].Sample(rng, limit);
            var b = _persons[book].Sample(rng, limit);
            for (var tries = 0; a == b && a >= 0 && tries < 4; tries++) b = _persons[book].Sample(rng, limit);
            if (a >= 0 && b >= 0 && a != b) return new SyntheticEdge(a, b, "knows", book, slot);
        }
        var kind = u < 0.8 ? "customer-of" : u < 0.92 ? "supplier-of" : "partner-of";
        var from = _organizations[book].Sample(rng, limit);
        var to = rng.NextDouble() < TenantEdgeShare ? book : _organizations[book].Sample(rng, limit);
        for (var tries = 0; from == to && tries < 4; tries++) from = _organizations[book].Sample(rng, limit);
        if (from == to) from = _persons[book].Sample(rng, limit) is var p and >= 0 ? p : -1;
        if (from < 0 || from == to)
            // The first moments of a small network: nobody but the tenants exists yet, so tenants partner with each other.
            return new SyntheticEdge(book, (book + 1) % Tenants, "partner-of", book, slot);
        return new SyntheticEdge(from, to, IsOrganization[from] ? kind : "customer-of", book, slot);
    }
}

/// <summary>Parties of one kind in one book, with running weight sums for drawing one in proportion to its weight.</summary>
internal sealed class WeightedGroup
{
    private readonly List<int> _members = [];
    private readonly List<double> _sums = [];

    public void Add(int party, double weight)
    {
        _members.Add(party);
        _sums.Add((_sums.Count == 0 ? 0 : _sums[^1]) + weight);
    }

    /// <summary>A member with index below <paramref name="limit"/> (one that exists by then), or -1 when there is none.</summary>
    public int Sample(Random rng, int limit)
    {
        var k = _members.BinarySearch(limit);
        if (k < 0) k = ~k;
        if (k == 0) return -1;
        var x = rng.NextDouble() * _sums[k - 1];
        int lo = 0, hi = k - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (_sums[mid] > x) hi = mid;
            else lo = mid + 1;
        }
        return _members[lo];
    }
}
