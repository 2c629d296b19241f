namespace Mutual.Core.ApiKeys;

/// <summary>
/// Scopes are an API area and an access: <c>leads:read</c>, <c>leads:write</c>. Reads are GET and HEAD;
/// everything else writes. An area that is not grantable (such as api-keys) is never open to a key.
/// </summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";

    public static readonly IReadOnlyList<string> Areas =
    [
        "parties", "relationships", "conversations", "facts", "engagement", "tasks",
        "leads", "partners", "catalogue", "carts", "orders", "cases", "intents", "consents", "profile", "network", "matching",
    ];

    public static readonly IReadOnlyList<string> All = Areas.SelectMany(a => new[] { $"{a}:{Read}", $"{a}:{Write}" }).ToList();

    private static readonly HashSet<string> AllSet = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string scope) => AllSet.Contains(scope);

    public static string For(string area, bool write) => $"{area}:{(write ? Write : Read)}";
}
