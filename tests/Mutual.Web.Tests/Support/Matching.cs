using System.Net;

namespace Mutual.Web.Tests.Support;

public static class Matching
{
    /// <summary>Answers every question of the questionnaire the same way a "calm, sustainable, long-term" person would.</summary>
    public static object Calm => new Dictionary<string, object>
    {
        ["communication-style"] = "brief", ["channel"] = new[] { "email", "in-person" }, ["priorities"] = new[] { "sustainability", "quality", "price" },
        ["decision-pace"] = "considered", ["relationship"] = "long-term", ["contact-frequency"] = "regular",
    };

    public static async Task AnswerAsync(this HttpClient client, object answers, bool? useForMatching = null) =>
        await (await client.PutJsonAsync("/api/v1/me/values", new { answers, useForMatching })).Expect(HttpStatusCode.OK);

    /// <summary>The organization's person records a colleague (works-for, in its own book), invites and signs them in: a second rep.</summary>
    public static async Task<Member> AddRepAsync(this MutualApp app, Member organization, string name)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..6]}@rep.test";
        var person = await organization.Client.CreatePartyAsync("person", name, [email]);
        await organization.Client.RelateAsync(person, organization.OrganizationId, "works-for");
        var invitation = await organization.Client.PostJson($"/api/v1/parties/{person}/invitations", new { email });
        var client = app.CreateClient();
        var token = await client.PostJson("/api/v1/auth/accept-invitation",
            new { token = invitation["token"]!.GetValue<string>(), password = Network.MemberPassword }, HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());
        return new Member(client, organization.OrganizationId, person, email);
    }
}
