using Mutual.Core.Matching;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

/// <summary>Stated values, rep matching by similarity with a buyer, and the contact person an organization assigns.</summary>
public static class MatchingApi
{
    public static void MapMatchingApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/values/questionnaire", () => TypedResults.Ok(new { items = Questionnaire.Questions }))
        .WithTags("Matching")
        .WithSummary("The values questionnaire: questions with stable ids, their kind (one, some, ranked), limit, weight and fixed options");

        var me = api.MapGroup("/me").WithTags("Matching");

        me.MapGet("/values", async (MyValues values, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await values.GetAsync(ct), v => v.Version))
        .WithSummary("Your own stated values (the person behind the account, whoever you act for); version 0 before the first save")
        .Produces<ValuesDto>();

        me.MapPut("/values", async (ValuesRequest request, MyValues values, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await values.PutAsync(request, ApiResults.IfMatch(http), ct), v => v.Version))
        .WithSummary("Replace your answers { answers: { questionId: optionId | [optionIds] }, useForMatching? } (If-Match); errors keyed answers.{questionId}")
        .Produces<ValuesDto>().ProducesValidationProblem().ProducesProblem(412).ProducesProblem(422);

        var party = api.MapGroup("/parties/{buyerId:guid}").WithTags("Matching");

        party.MapGet("/rep-matches", async (Guid buyerId, int? limit, string? cursor, RepMatches matches, CancellationToken ct) =>
            ApiResults.Ok(await matches.RankAsync(buyerId, limit, cursor, ct)))
        .WithSummary("Your organization's reps ranked by similarity of stated values with the buyer: score in [0,1] and what they share; reps without answers last")
        .Produces<RepMatchesDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        api.MapGet("/intents/{intentId:guid}/rep-matches", async (Guid intentId, int? limit, string? cursor, RepMatches matches, CancellationToken ct) =>
            ApiResults.Ok(await matches.RankForIntentAsync(intentId, limit, cursor, ct)))
        .WithTags("Matching")
        .WithSummary("Your reps ranked by similarity of stated values with the (still pseudonymous) buyer of an intent you may see, to pick who writes the offer; no buyer id")
        .Produces<RepMatchesDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        party.MapGet("/contact-person", async (Guid buyerId, ContactPersons contacts, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await contacts.GetAsync(buyerId, ct), c => c.Version))
        .WithSummary("Your organization's contact person for this party (404 when none is assigned)")
        .Produces<ContactPersonDto>().ProducesProblem(404);

        party.MapPut("/contact-person", async (Guid buyerId, ContactPersonRequest request, ContactPersons contacts, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await contacts.PutAsync(buyerId, request, ApiResults.IfMatch(http), ct), c => c.Version))
        .WithSummary("Assign one of your organization's people as its contact person for this party { repPartyId } (If-Match); emits party.contact_assigned")
        .Produces<ContactPersonDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);

        party.MapDelete("/contact-person", async (Guid buyerId, ContactPersons contacts, HttpContext http, CancellationToken ct) =>
        {
            var result = await contacts.DeleteAsync(buyerId, ApiResults.IfMatch(http), ct);
            return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
        })
        .WithSummary("Remove the assignment (If-Match); emits party.contact_unassigned")
        .Produces(204).ProducesProblem(404).ProducesProblem(412);
    }
}
