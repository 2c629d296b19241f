using System.Text.Json.Nodes;
using Mutual.Core.Data;
using Mutual.Core.Engagement;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class TasksApi
{
    public static void MapTasksApi(this IEndpointRouteBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Engagement");

        tasks.MapPost("/", async (CreateTaskRequest request, TaskService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.CreateAsync(request, ct), t => $"/api/v1/tasks/{t.Id}", t => t.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Create a follow-up (title, dueAt, optionally about a party or conversation; yours unless assigned to a colleague)")
        .Produces<TaskDto>(201).ProducesValidationProblem().ProducesProblem(404);

        tasks.MapGet("/", async (string? status, bool? mine, Guid? partyId, int? limit, string? cursor, TaskService service, CancellationToken ct) =>
            ApiResults.Ok(await service.ListAsync(status, mine ?? true, partyId, limit, cursor, ct)))
        .WithSummary("Follow-ups by due date: yours (mine=true, default) or your organization's; open unless status=done")
        .Produces<Page<TaskDto>>().ProducesValidationProblem();

        tasks.MapGet("/{id:guid}", async (Guid id, TaskService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.GetAsync(id, ct), t => t.Version))
        .WithSummary("One follow-up").Produces<TaskDto>().ProducesProblem(404);

        tasks.MapPatch("/{id:guid}", async (Guid id, JsonObject patch, TaskService service, HttpContext http, CancellationToken ct) =>
        {
            string? Text(string name) => patch[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            DateTime? due = patch["dueAt"] is JsonValue d && d.TryGetValue<DateTime>(out var at) ? at : null;
            if (patch.ContainsKey("dueAt") && due is null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dueAt"] = ["'dueAt' must be an RFC 3339 time."] });
            return ApiResults.Ok(http, await service.UpdateAsync(id, Text("status"), due, Text("title"), ApiResults.IfMatch(http), ct), t => t.Version);
        })
        .WithSummary("Mark done or open, move the due date, rename (merge patch; If-Match)")
        .Produces<TaskDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412);
    }
}
