using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Engagement;

public sealed record CreateTaskRequest(string? Title, DateTime? DueAt, Guid? PartyId, Guid? ConversationId, Guid? AssigneePartyId);

public sealed record TaskDto(Guid Id, string Title, DateTime DueAt, string Status, bool Overdue, Guid AssigneePartyId, PartyRef Assignee,
    Guid? PartyId, PartyRef? Party, Guid? ConversationId, DateTime? CompletedAt, DateTime CreatedAt, long Version);

/// <summary>Follow-up tasks: created from anywhere (a party, a conversation), done by a person of the organization, listed on "my day".</summary>
public sealed class TaskService(MutualDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<TaskDto>> CreateAsync(CreateTaskRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        v.Require("title", request.Title, 300);
        if (request.DueAt is null) v.Add("dueAt", "'dueAt' is required.");
        if (!v.IsValid) return v.Fail<TaskDto>();
        var owner = db.ActingPartyId;
        if (request.PartyId is { } pid && !await db.Parties.AnyAsync(p => p.Id == pid, ct)) return Outcome<TaskDto>.NotFound("No such party: partyId.");
        if (request.ConversationId is { } cid && !await db.Conversations.AnyAsync(c => c.Id == cid, ct)) return Outcome<TaskDto>.NotFound("No such conversation: conversationId.");
        var assignee = request.AssigneePartyId ?? db.Actor.PersonPartyId;
        if (assignee != db.Actor.PersonPartyId && !await WorksForOwnerAsync(assignee, owner, ct))
            return Outcome<TaskDto>.Invalid("assigneePartyId", "The assignee must be a person of your organization.");

        var task = new FollowUpTask
        {
            OwnerPartyId = owner, AssigneePartyId = assignee, Title = request.Title!.Trim(), DueAt = request.DueAt!.Value.ToUniversalTime(),
            PartyId = request.PartyId, ConversationId = request.ConversationId, CreatedAt = Now,
        };
        db.Set<FollowUpTask>().Add(task);
        db.Outbox.Add(OutboxMessage.Create("task.created", Now, new { taskId = task.Id, partyId = task.PartyId, dueAt = task.DueAt }, [owner]));
        await db.SaveChangesAsync(ct);
        return Outcome<TaskDto>.Ok((await DescribeAsync([task], ct))[0]);
    }

    public async Task<Outcome<TaskDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var t = await db.Set<FollowUpTask>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return t is null ? Outcome<TaskDto>.NotFound("No such task.") : Outcome<TaskDto>.Ok((await DescribeAsync([t], ct))[0]);
    }

    /// <summary>Marks a task done or open again, or moves its due date.</summary>
    public async Task<Outcome<TaskDto>> UpdateAsync(Guid id, string? status, DateTime? dueAt, string? title, long? expectedVersion, CancellationToken ct = default)
    {
        var t = await db.Set<FollowUpTask>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return Outcome<TaskDto>.NotFound("No such task.");
        if (expectedVersion is { } ev && ev != t.Version) return Outcome<TaskDto>.Stale();
        var v = new Validation();
        if (status is not null && status is not (FollowUpTask.Open or FollowUpTask.Done)) v.Add("status", "'status' must be 'open' or 'done'.");
        if (title is not null) v.Require("title", title, 300);
        if (!v.IsValid) return v.Fail<TaskDto>();
        if (status is not null && status != t.Status)
        {
            t.Status = status;
            t.CompletedAt = status == FollowUpTask.Done ? Now : null;
        }
        if (dueAt is { } d) t.DueAt = d.ToUniversalTime();
        if (title is not null) t.Title = title.Trim();
        t.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<TaskDto>.Stale(); }
        return Outcome<TaskDto>.Ok((await DescribeAsync([t], ct))[0]);
    }

    /// <summary>Tasks of the organization: the actor's own by default ("my day"), open ones by due date.</summary>
    public async Task<Outcome<Page<TaskDto>>> ListAsync(string? status, bool mine, Guid? partyId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "tg");
        if (status is not null && status is not (FollowUpTask.Open or FollowUpTask.Done)) v.Add("status", "'status' must be 'open' or 'done'.");
        if (!v.IsValid) return v.Fail<Page<TaskDto>>();
        var q = db.Set<FollowUpTask>().AsNoTracking().Where(t => t.Status == (status ?? FollowUpTask.Open));
        if (mine) q = q.Where(t => t.AssigneePartyId == db.Actor.PersonPartyId);
        if (partyId is { } p) q = q.Where(t => t.PartyId == p);
        if (page.AfterTime(0) is { } at && page.AfterGuid(1) is { } id)
            q = q.Where(t => t.DueAt > at || (t.DueAt == at && t.Id.CompareTo(id) > 0));
        var rows = await q.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(page.Limit + 1).ToListAsync(ct);
        var cut = page.ToPage(rows, t => PageRequest.Encode(PageRequest.Ticks(t.DueAt), t.Id.ToString()));
        return Outcome<Page<TaskDto>>.Ok(new Page<TaskDto>(await DescribeAsync(cut.Items, ct), cut.NextCursor));
    }

    private Task<bool> WorksForOwnerAsync(Guid person, Guid owner, CancellationToken ct) =>
        db.Relationships.AnyAsync(r => r.FromPartyId == person && r.ToPartyId == owner && r.Kind == "works-for" && r.Until == null, ct);

    private async Task<List<TaskDto>> DescribeAsync(IReadOnlyList<FollowUpTask> tasks, CancellationToken ct)
    {
        var names = await PartyNames.LoadAsync(db, tasks.Select(t => t.AssigneePartyId).Concat(tasks.Where(t => t.PartyId != null).Select(t => t.PartyId!.Value)), ct);
        var now = Now;
        return tasks.Select(t => new TaskDto(t.Id, t.Title, t.DueAt, t.Status, t.Status == FollowUpTask.Open && t.DueAt < now,
            t.AssigneePartyId, names.Get(t.AssigneePartyId), t.PartyId, t.PartyId is { } p ? names.Get(p) : null,
            t.ConversationId, t.CompletedAt, t.CreatedAt, t.Version)).ToList();
    }
}
