using Mutual.Core.Conversations;
using Mutual.Core.Data;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class ConversationsApi
{
    public static void MapConversationsApi(this IEndpointRouteBuilder api)
    {
        var conversations = api.MapGroup("/conversations").WithTags("Conversations");

        conversations.MapPost("/", async (StartConversationRequest request, StartConversationHandler handler, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await handler.HandleAsync(request, ct), c => $"/api/v1/conversations/{c.Id}", c => c.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Start a conversation; your party owns it and takes part; body, if given, is the first message")
        .Produces<ConversationDto>(201).ProducesValidationProblem().ProducesProblem(404);

        conversations.MapGet("/", async (int? limit, string? cursor, ConversationQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.ListAsync(limit, cursor, ct)))
        .WithSummary("Your inbox: the conversations your party takes part in, most recently active first")
        .Produces<Page<ConversationDto>>().ProducesValidationProblem();

        conversations.MapGet("/{id:guid}", async (Guid id, ConversationQueries queries, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await queries.GetAsync(id, ct), c => c.Version))
        .WithSummary("One conversation").Produces<ConversationDto>().ProducesProblem(404);

        conversations.MapPost("/{id:guid}/messages", async (Guid id, PostMessageRequest request, MessageIntake intake, MutualDbContext db, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await intake.PostAsync(db.Actor, id, request, ct), m => $"/api/v1/conversations/{id}/messages/{m.Id}"))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Write in a conversation (Markdown, rendered safely); occurredAt places a logged call or meeting")
        .Produces<MessageDto>(201).ProducesValidationProblem().ProducesProblem(404);

        conversations.MapGet("/{id:guid}/messages", async (Guid id, int? limit, string? cursor, ConversationQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.MessagesAsync(id, limit, cursor, ct)))
        .WithSummary("The messages, oldest first").Produces<Page<MessageDto>>().ProducesProblem(404);

        conversations.MapGet("/{id:guid}/messages/{messageId:guid}", async (Guid id, Guid messageId, ConversationQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.MessageAsync(id, messageId, ct)))
        .WithSummary("One message").Produces<MessageDto>().ProducesProblem(404);

        conversations.MapPost("/{id:guid}/read", async (Guid id, ConversationQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            var result = await queries.MarkReadAsync(id, clock.GetUtcNow().UtcDateTime, ct);
            return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
        })
        .WithSummary("Mark the conversation read for you").Produces(204).ProducesProblem(404);
    }
}
