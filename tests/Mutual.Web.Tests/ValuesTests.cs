using System.Net;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>The values questionnaire and a person's own answers: any person answers for themself, and only they read them.</summary>
public sealed class ValuesTests(MutualApp app) : IClassFixture<MutualApp>
{
    [Fact]
    public async Task TheQuestionnaireHasStableIdsAndFixedOptions()
    {
        var ida = await app.RegisterAsync("Ida Values");
        var questions = (await ida.Client.GetJson("/api/v1/values/questionnaire")).Items();
        Assert.Equal(["communication-style", "channel", "priorities", "decision-pace", "relationship", "contact-frequency"],
            questions.Select(q => q!["id"]!.GetValue<string>()));
        var priorities = questions[2]!;
        Assert.Equal(("ranked", 3), (priorities["kind"]!.GetValue<string>(), priorities["max"]!.GetValue<int>()));
        Assert.Contains("sustainability", priorities["options"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task APersonReplacesTheirAnswersUnderIfMatch()
    {
        var ida = await app.RegisterAsync("Ida Answers");
        var read = await (await ida.Client.GetAsync("/api/v1/me/values")).Expect(HttpStatusCode.OK);
        Assert.Equal("\"0\"", read.Headers.ETag?.Tag);
        var blank = await read.Json();
        Assert.Equal((ida.PartyId, true, 0), (blank["personPartyId"]!.GetValue<Guid>(), blank["useForMatching"]!.GetValue<bool>(), blank["answers"]!.AsObject().Count));

        var put = await ida.Client.PutJsonAsync("/api/v1/me/values", new { answers = Matching.Calm }, "\"0\"");
        await put.Expect(HttpStatusCode.OK);
        Assert.Equal("\"1\"", put.Headers.ETag?.Tag);
        var values = await ida.Client.GetJson("/api/v1/me/values");
        Assert.Equal("brief", values["answers"]!["communication-style"]!.GetValue<string>());
        Assert.Equal(["sustainability", "quality", "price"], values["answers"]!["priorities"].Strings());

        await (await ida.Client.PutJsonAsync("/api/v1/me/values", new { answers = new { } }, "\"0\"")).Expect(HttpStatusCode.PreconditionFailed);
        Assert.Equal(6, (await ida.Client.GetJson("/api/v1/me/values"))["answers"]!.AsObject().Count);
        // Opting out keeps the answers; an absent flag keeps the choice.
        await ida.Client.AnswerAsync(new Dictionary<string, object> { ["relationship"] = "transactional" }, useForMatching: false);
        await ida.Client.AnswerAsync(new Dictionary<string, object> { ["relationship"] = "long-term" });
        values = await ida.Client.GetJson("/api/v1/me/values");
        Assert.Equal((false, 3, 1), (values["useForMatching"]!.GetValue<bool>(), values["version"]!.GetValue<int>(), values["answers"]!.AsObject().Count));
    }

    [Fact]
    public async Task BadAnswersAreFieldErrorsPerQuestionAndChangeNothing()
    {
        var ida = await app.RegisterAsync("Ida Invalid");
        var problem = await ida.Client.PutJsonAsync("/api/v1/me/values", new
        {
            answers = new Dictionary<string, object>
            {
                ["age"] = "40", ["communication-style"] = new[] { "brief" }, ["channel"] = new[] { "email", "phone", "chat" },
                ["priorities"] = new[] { "price", "price" }, ["decision-pace"] = "whenever",
            },
        }).JsonAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["answers.age", "answers.channel", "answers.communication-style", "answers.decision-pace", "answers.priorities"], errors.Select(e => e.Key).Order());
        await ida.Client.PutJsonAsync("/api/v1/me/values", new { useForMatching = false }).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await ida.Client.GetJson("/api/v1/me/values"))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task ARepAnswersForThemselfAndNobodyElseReadsTheAnswers()
    {
        var vendor = await app.JoinAsync(await app.AdminAsync(), "Values Vendor", "Vera Rep");
        var colleague = await app.AddRepAsync(vendor, "Carl Colleague");
        await vendor.Client.AnswerAsync(Matching.Calm);
        var mine = await vendor.Client.GetJson("/api/v1/me/values");
        Assert.Equal(vendor.PersonId, mine["personPartyId"]!.GetValue<Guid>());
        // The colleague acts for the same organization, yet sees only their own (empty) answers.
        var theirs = await colleague.Client.GetJson("/api/v1/me/values");
        Assert.Equal((colleague.PersonId, 0), (theirs["personPartyId"]!.GetValue<Guid>(), theirs["answers"]!.AsObject().Count));
        var ida = await app.RegisterAsync("Ida Onlooker");
        Assert.Empty((await ida.Client.GetJson("/api/v1/me/values"))["answers"]!.AsObject());
    }
}
