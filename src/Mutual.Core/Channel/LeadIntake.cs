using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Channel;

/// <summary>
/// Creates the leads that arrive over the API at the same moment together (a <see cref="GroupCommit{TRequest,TResult}"/>).
/// A request validates its lead and queues it; each owner's queued leads are routed in a row
/// (<see cref="Leads.RouteAllAsync"/>) and saved in one transaction. Made one at a time, each lead paid for the same
/// reads of its owner's rules and partners, a commit of its own and, on SQLite, a wait for the write lock the others
/// held.
/// </summary>
public sealed class LeadIntake(IServiceScopeFactory scopes) : GroupCommit<LeadIntake.Queued, LeadDto>
{
    public sealed record Queued(CreateLeadRequest Request, string Source);

    /// <summary>Validates the lead for the request's actor, then creates and routes it with whatever else arrives now.</summary>
    public async Task<Outcome<LeadDto>> CreateAsync(Leads leads, CreateLeadRequest request, string source, CancellationToken ct = default)
    {
        var valid = leads.New(request, source);
        if (!valid.IsOk) return valid.As<LeadDto>();
        return Outcome<LeadDto>.Ok(await SubmitAsync(leads.Actor, new(request, source), ct));
    }

    // Routing reads the owner's rules and partners once for its leads: one owner's leads to a transaction.
    protected override object? TransactionKey(Submission submission) => submission.Actor;

    protected override async Task<IReadOnlyList<LeadDto>> CommitTogetherAsync(IReadOnlyList<Submission> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MutualDbContext>();
        db.Actor = batch[0].Actor;
        var leads = services.GetRequiredService<Leads>();
        // The requests were valid when they queued; the leads are made again here, for this context, so a retry starts clean.
        var made = batch.Select(s => leads.New(s.Request.Request, s.Request.Source).Value!).ToList();
        await leads.RouteAllAsync(made);
        // Routed before the transaction, which on SQLite holds the write lock; described inside it, since once the
        // leads are committed nothing may fail and send them round again one by one.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        var described = await services.GetRequiredService<LeadQueries>().DescribeCreatedAsync(made);
        await transaction.CommitAsync();
        return described;
    }

    protected override async Task<LeadDto> CommitAloneAsync(Submission submission) => (await CommitTogetherAsync([submission]))[0];
}
