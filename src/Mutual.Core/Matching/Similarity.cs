namespace Mutual.Core.Matching;

/// <summary>A pair's similarity: a score in [0, 1], the phrases of what both stated alike, and the sentence they make.</summary>
public sealed record Match(double Score, IReadOnlyList<string> Shared, string Reason);

/// <summary>
/// The documented score (docs/decisions/012-values-matching.md): the weighted agreement over every question of the
/// questionnaire, divided by the total weight, so a question either side left open counts as no agreement and only
/// two full, identical answer sets score 1. Agreement per question: <c>one</c> — 1 when equal; <c>some</c> — the
/// Jaccard overlap of the two sets; <c>ranked</c> — positions weigh 3, 2, 1 and each shared item counts the smaller
/// of its two weights, over the larger of the two totals (same top 3 in the same order: 1; same first only: 0.5).
/// </summary>
public static class Similarity
{
    public static Match Compare(IReadOnlyDictionary<string, List<string>> a, IReadOnlyDictionary<string, List<string>> b)
    {
        double sum = 0;
        var shared = new List<string>();
        foreach (var q in Questionnaire.Questions)
        {
            if (!a.TryGetValue(q.Id, out var x) || !b.TryGetValue(q.Id, out var y) || x.Count == 0 || y.Count == 0) continue;
            sum += q.Weight * Agreement(q.Kind, x, y);
            shared.AddRange(Phrases(q, x, y));
        }
        var score = Math.Round(sum / Questionnaire.TotalWeight, 2, MidpointRounding.AwayFromZero);
        return new Match(score, shared, Sentence(shared));
    }

    public static double Agreement(string kind, IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        switch (kind)
        {
            case Questionnaire.One:
                return x[0] == y[0] ? 1 : 0;
            case Questionnaire.Some:
                var union = x.Union(y, StringComparer.Ordinal).Count();
                return union == 0 ? 0 : (double)x.Intersect(y, StringComparer.Ordinal).Count() / union;
            default:
                double common = x.Where(y.Contains).Sum(item => Math.Min(RankWeight(x, item), RankWeight(y, item)));
                return common / Math.Max(RankTotal(x.Count), RankTotal(y.Count));
        }
    }

    private static int RankWeight(IReadOnlyList<string> ranking, string item) => 3 - ranking.ToList().IndexOf(item);

    private static int RankTotal(int count) => Enumerable.Range(0, Math.Min(count, 3)).Sum(i => 3 - i);

    private static IEnumerable<string> Phrases(ValueQuestion q, List<string> x, List<string> y)
    {
        if (q.Kind != Questionnaire.Ranked)
        {
            foreach (var id in x.Where(y.Contains)) yield return q.Option(id)!.Shared;
            yield break;
        }
        if (x[0] == y[0]) yield return $"put {q.Option(x[0])!.Shared} first";
        var alsoValued = x.Where(id => y.Contains(id) && !(id == x[0] && x[0] == y[0])).Select(id => q.Option(id)!.Shared).ToList();
        if (alsoValued.Count > 0) yield return $"value {Join(alsoValued)}";
    }

    /// <summary>"Both prefer brief messages, like email and put sustainability first." — or that nothing is shared.</summary>
    public static string Sentence(IReadOnlyList<string> shared) =>
        shared.Count == 0 ? "No stated values in common." : $"Both {Join(shared)}.";

    private static string Join(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}",
    };
}
