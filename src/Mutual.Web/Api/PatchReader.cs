using System.Text.Json;
using System.Text.Json.Nodes;
using Mutual.Core.Parties;

namespace Mutual.Web.Api;

/// <summary>Reads JSON merge patches, telling "absent" from "null", with a field error for a value of the wrong type.</summary>
public static class PatchReader
{
    public static UpdatePartyRequest? ReadParty(JsonObject patch, out Dictionary<string, string[]> errors)
    {
        var e = new Dictionary<string, string[]>();
        var request = new UpdatePartyRequest
        {
            Name = Text(patch, "name", e),
            Emails = List(patch, "emails", e),
            Phones = List(patch, "phones", e),
            Website = Text(patch, "website", e),
            Tags = List(patch, "tags", e),
            PublicProfile = Text(patch, "publicProfile", e),
        };
        errors = e;
        return e.Count == 0 ? request : null;
    }

    private static Optional<string?> Text(JsonObject o, string name, Dictionary<string, string[]> errors)
    {
        if (!o.TryGetPropertyValue(name, out var node)) return default;
        if (node is null) return new(true, null);
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return new(true, v.GetValue<string>());
        errors[name] = [$"'{name}' must be a string."];
        return default;
    }

    private static Optional<List<string?>?> List(JsonObject o, string name, Dictionary<string, string[]> errors)
    {
        if (!o.TryGetPropertyValue(name, out var node)) return default;
        if (node is null) return new(true, []);
        if (node is JsonArray a && a.All(x => x is JsonValue v && v.GetValueKind() == JsonValueKind.String))
            return new(true, a.Select(x => (string?)x!.GetValue<string>()).ToList());
        errors[name] = [$"'{name}' must be an array of strings."];
        return default;
    }
}
