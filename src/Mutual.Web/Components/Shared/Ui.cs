using MudBlazor;

namespace Mutual.Web.Components.Shared;

/// <summary>Small helpers the pages share: field errors from an outcome, list inputs, icons and labels.</summary>
public static partial class Ui
{
    /// <summary>The first message for a field (keys are the JSON field names the Core validation uses), or null.</summary>
    public static string? Error(IReadOnlyDictionary<string, string[]>? errors, string field) =>
        errors is not null && errors.TryGetValue(field, out var list) && list.Length > 0 ? list[0] : null;

    /// <summary>What went wrong, in one line: the field messages when there are any, else the detail; null when all went well.</summary>
    public static string? ProblemText<T>(Mutual.Core.Access.Outcome<T> outcome) => outcome.IsOk ? null
        : outcome.Errors.Count > 0 ? string.Join(" ", outcome.Errors.Values.SelectMany(e => e)) : outcome.Detail;

    /// <summary>Values typed one per line or separated by commas or semicolons.</summary>
    public static List<string?> SplitList(string? text) =>
        (text ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => (string?)s).ToList();

    public static string JoinList(IEnumerable<string> values) => string.Join(", ", values);

    /// <summary>Only a path on this site: anything else (another host, a scheme, "//x") becomes the home page.</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    public static string KindIcon(string kind) =>
        kind == "person" ? Icons.Material.Outlined.Person : Icons.Material.Outlined.Business;

    public static string KindLabel(string kind) => kind == "person" ? "Person" : "Organization";

    public static string ChannelIcon(string? channel) => channel switch
    {
        "email" => Icons.Material.Outlined.Email,
        "call" => Icons.Material.Outlined.Call,
        "meeting" => Icons.Material.Outlined.Groups,
        "chat" => Icons.Material.Outlined.Chat,
        "note" => Icons.Material.Outlined.StickyNote2,
        _ => Icons.Material.Outlined.Forum,
    };

    public static string ChannelLabel(string? channel) => channel switch
    {
        "email" => "Email",
        "call" => "Call",
        "meeting" => "Meeting",
        "chat" => "Chat",
        "note" => "Note",
        "portal" => "Portal",
        _ => channel ?? "",
    };

    /// <summary>"Ana Lima for Globex", or just the name when a party speaks for itself.</summary>
    public static string Speaker(Mutual.Core.Parties.PartyRef author, Mutual.Core.Parties.PartyRef onBehalfOf) =>
        author.Id == onBehalfOf.Id ? author.Name : $"{author.Name} for {onBehalfOf.Name}";

    /// <summary>"Globex, North Partners and Host Co".</summary>
    public static string Names(IEnumerable<string> names)
    {
        var list = names.Distinct().ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }

    /// <summary>An excerpt without the Markdown marks that only make sense rendered (**, __, ~~, `).</summary>
    public static string Plain(string? excerpt) =>
        excerpt is null ? "" : MarkdownMarks().Replace(excerpt, "");

    [System.Text.RegularExpressions.GeneratedRegex(@"\*\*|__|~~|`")]
    private static partial System.Text.RegularExpressions.Regex MarkdownMarks();

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// "5 h 12 min left", "2 d 3 h left", or "time is up" once the deadline passed. Counted in whole minutes, a part
    /// minute counting as one: a deadline 24 hours from a moment just past reads "1 d 0 h", not "23 h 59 min".
    /// </summary>
    public static string TimeLeft(DateTime deadlineUtc, DateTime nowUtc)
    {
        var left = deadlineUtc - nowUtc;
        if (left <= TimeSpan.Zero) return "time is up";
        left = TimeSpan.FromMinutes(Math.Ceiling(left.TotalMinutes));
        if (left.TotalDays >= 1) return $"{(int)left.TotalDays} d {left.Hours} h left";
        if (left.TotalHours >= 1) return $"{(int)left.TotalHours} h {left.Minutes} min left";
        return $"{(int)left.TotalMinutes} min left";
    }
}
