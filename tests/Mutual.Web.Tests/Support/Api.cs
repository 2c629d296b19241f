using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mutual.Web.Tests.Support;

/// <summary>Small JSON helpers so tests read as the HTTP contract, not as C# DTOs.</summary>
public static class Api
{
    public static async Task<JsonNode> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty body.");
    }

    public static async Task<JsonNode> GetJson(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        await response.Expect(expected);
        return await response.Json();
    }

    public static async Task<JsonNode> PostJson(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(url, body);
        await response.Expect(expected);
        return await response.Json();
    }

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<HttpResponseMessage> Expect(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new Xunit.Sdk.XunitException($"Expected {(int)expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}: {body}");
        }
        return response;
    }

    public static Guid Id(this JsonNode? node) => node!["id"]!.GetValue<Guid>();

    public static JsonArray Items(this JsonNode? page) => page!["items"]!.AsArray();

    public static List<string> Strings(this JsonNode? array) => array!.AsArray().Select(x => x!.GetValue<string>()).ToList();

    public static async Task<Guid> CreatePartyAsync(this HttpClient client, string kind, string name, string[]? emails = null, string[]? tags = null) =>
        (await client.PostJson("/api/v1/parties", new { kind, name, emails = emails ?? [], phones = Array.Empty<string>(), tags = tags ?? [] })).Id();

    public static async Task<Guid> RelateAsync(this HttpClient client, Guid from, Guid to, string kind) =>
        (await client.PostJson("/api/v1/relationships", new { fromPartyId = from, toPartyId = to, kind })).Id();

    public static string Problem(this JsonNode problem) => problem.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
