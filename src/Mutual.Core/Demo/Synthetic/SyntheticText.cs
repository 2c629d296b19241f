using System.Text;
using Mutual.Core.Parties;
using V = Mutual.Core.Demo.Synthetic.SyntheticVocabulary;

namespace Mutual.Core.Demo.Synthetic;

/// <summary>Names, addresses, subjects and message text, drawn from the vocabulary with the seed's generators.</summary>
internal static class SyntheticText
{
    public static string TenantName(int tenant) => $"Tenant{tenant + 1} Industries";

    public static string TenantDomain(int tenant) => $"tenant{tenant + 1}.example";

    public static void FillPerson(Party p, int index, Random rng)
    {
        var first = Pick(V.FirstNames, rng);
        var last = Pick(V.LastNames, rng);
        p.Name = $"{first} {last}";
        p.Emails = [$"{first}.{last}.{index}@{Pick(V.MailDomains, rng)}".ToLowerInvariant()];
        p.Phones = rng.NextDouble() < 0.5 ? [$"+49 30 {rng.Next(1_000_000, 9_999_999)}"] : [];
        p.Tags = Tags(rng, 0.4);
    }

    public static void FillOrganization(Party p, int index, Random rng)
    {
        var stem = Pick(V.CompanyStems, rng);
        var noun = Pick(V.CompanyNouns, rng);
        p.Name = $"{stem} {noun} {Pick(V.CompanySuffixes, rng)}";
        var domain = $"{stem}{noun}{index}.example".ToLowerInvariant();
        p.Emails = [$"info@{domain}"];
        p.Website = $"https://www.{domain}";
        p.Tags = Tags(rng, 0.8);
    }

    private static List<string> Tags(Random rng, double chance)
    {
        var tags = new List<string>();
        while (tags.Count < 3 && rng.NextDouble() < chance)
        {
            var tag = Pick(V.Tags, rng);
            if (!tags.Contains(tag)) tags.Add(tag);
            chance /= 2;
        }
        return tags;
    }

    public static string Subject(ulong hash) =>
        string.Format(null, V.SubjectForms[(int)(hash % (ulong)V.SubjectForms.Length)], Topic(hash));

    private static string Topic(ulong conversationHash) => V.Topics[(int)((conversationHash >> 20) % (ulong)V.Topics.Length)];

    /// <summary>A message of a conversation: an opener, one to three sentences on the conversation's topic, a closing line.</summary>
    public static string Body(ulong conversationHash, ulong messageHash)
    {
        var topic = Topic(conversationHash);
        var sb = new StringBuilder(200);
        sb.Append(V.Openers[(int)(messageHash % (ulong)V.Openers.Length)]).Append("\n\n");
        var sentences = 1 + (int)((messageHash >> 8) % 3);
        for (var s = 0; s < sentences; s++)
        {
            if (s > 0) sb.Append(' ');
            var form = V.Sentences[(int)((messageHash >> (16 + 6 * s)) % (ulong)V.Sentences.Length)];
            sb.Append(string.Format(null, form, topic));
        }
        sb.Append("\n\n").Append(V.Closers[(int)((messageHash >> 40) % (ulong)V.Closers.Length)]);
        return sb.ToString();
    }

    /// <summary>
    /// What ConversationRules.RenderBody makes of a <see cref="Body"/> (plain paragraphs, nothing to escape), without
    /// running Markdown and the sanitizer ten million times. A test holds the two equal.
    /// </summary>
    public static string Html(string body) =>
        string.Concat(body.Split("\n\n").Select(paragraph => "<p>" + paragraph + "</p>\n"));

    private static T Pick<T>(T[] items, Random rng) => items[rng.Next(items.Length)];
}
