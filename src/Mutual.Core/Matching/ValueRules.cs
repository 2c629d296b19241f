using System.Text.Json;
using Mutual.Core.Access;

namespace Mutual.Core.Matching;

/// <summary>Validates answers against the questionnaire and moves them between the API's shape and the stored one.</summary>
public static class ValueRules
{
    /// <summary>Far above what six questions of short ids can fill; a bound, not a budget.</summary>
    public const int AnswersJsonMax = 4_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Reads <c>{ questionId: answer(s) }</c>: a string for a <c>one</c> question, an array of distinct option ids
    /// for the others (at most <c>max</c>; for <c>ranked</c> the order counts). Null or an empty array leaves a
    /// question unanswered. Errors are keyed <c>answers.{questionId}</c>.
    /// </summary>
    public static Dictionary<string, List<string>> Answers(Validation v, IReadOnlyDictionary<string, JsonElement>? answers)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (answers is null)
        {
            v.Add("answers", "'answers' is required: an object of question id to answer (see GET /api/v1/values/questionnaire).");
            return result;
        }
        foreach (var (id, value) in answers)
        {
            var field = $"answers.{Clip(id)}";
            var question = Questionnaire.Find(id);
            if (question is null)
            {
                v.Add(field, "There is no such question (see GET /api/v1/values/questionnaire).");
                continue;
            }
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) continue;
            var picked = Read(value, question);
            if (picked is null)
            {
                v.Add(field, question.Kind == Questionnaire.One
                    ? $"Answer with one of: {Ids(question)}."
                    : $"Answer with an array of up to {question.Max} of: {Ids(question)}.");
                continue;
            }
            var unknown = picked.FirstOrDefault(p => question.Option(p) is null);
            if (unknown is not null) v.Add(field, $"'{Clip(unknown)}' is not an option; choose from: {Ids(question)}.");
            else if (picked.Distinct(StringComparer.Ordinal).Count() != picked.Count) v.Add(field, "Each option may be chosen once.");
            else if (picked.Count > question.Max) v.Add(field, $"Choose at most {question.Max}.");
            else if (picked.Count > 0) result[id] = picked;
        }
        return result;
    }

    private static List<string>? Read(JsonElement value, ValueQuestion question)
    {
        if (question.Kind == Questionnaire.One)
            return value.ValueKind == JsonValueKind.String ? [value.GetString()!] : null;
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > 20) return null;
        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return null;
            list.Add(item.GetString()!);
        }
        return list;
    }

    /// <summary>The API's shape: a string for a <c>one</c> question, an array otherwise, in questionnaire order.</summary>
    public static Dictionary<string, object> ToApi(IReadOnlyDictionary<string, List<string>> answers)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var q in Questionnaire.Questions)
            if (answers.TryGetValue(q.Id, out var picked) && picked.Count > 0)
                result[q.Id] = q.Kind == Questionnaire.One ? picked[0] : picked.ToArray();
        return result;
    }

    internal static string Write(Dictionary<string, List<string>> answers) => JsonSerializer.Serialize(answers, Json);

    /// <summary>Stored answers, minus anything the questionnaire no longer knows (a retired question is simply not compared).</summary>
    public static Dictionary<string, List<string>> Read(string json)
    {
        var stored = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json, Json) ?? [];
        return stored.Where(a => Questionnaire.Find(a.Key) is { } q && a.Value.All(o => q.Option(o) is not null))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
    }

    private static string Ids(ValueQuestion q) => string.Join(", ", q.Options.Select(o => o.Id));

    private static string Clip(string s) => s.Length <= 64 ? s : s[..64] + "…";
}
