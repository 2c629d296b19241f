using System.Net;

namespace Mutual.Web.Tests.Support;

/// <summary>An organization in the host's book with one person who was invited and signed in.</summary>
public sealed record Member(HttpClient Client, Guid OrganizationId, Guid PersonId, string Email);

public static class Network
{
    public const string MemberPassword = "member-password-1";

    /// <summary>Signs a member in again (tokens expire when a test moves the clock by days).</summary>
    public static async Task<Member> SignInAgainAsync(this MutualApp app, Member member) =>
        member with { Client = await app.LoginAsync(member.Email, MemberPassword) };

    /// <summary>
    /// The host admin adds an organization and one of its people, links them with works-for, invites the
    /// person, and the person accepts and signs in: from then on they act for that organization.
    /// </summary>
    public static async Task<Member> JoinAsync(this MutualApp app, HttpClient admin, string organization, string person)
    {
        var slug = organization.ToLowerInvariant().Replace(' ', '-') + "-" + Guid.NewGuid().ToString("N")[..6];
        var email = $"{person.Split(' ')[0].ToLowerInvariant()}@{slug}.test";
        var orgId = await admin.CreatePartyAsync("organization", organization);
        var personId = await admin.CreatePartyAsync("person", person, [email]);
        await admin.RelateAsync(personId, orgId, "works-for");
        var invitation = await admin.PostJson($"/api/v1/parties/{personId}/invitations", new { email });
        var client = app.CreateClient();
        var token = await client.PostJson("/api/v1/auth/accept-invitation",
            new { token = invitation["token"]!.GetValue<string>(), password = MemberPassword }, HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());
        return new Member(client, orgId, personId, email);
    }
}
