using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Channel;

/// <summary>
/// Creates the leads that arrive over the API at the same moment together (a <see cref="GroupCommit{TRequest,TResult}"/>).
/// A request validates its lead (or its list of leads) and queues it; each owner's queued leads are routed in a row
/// (<see cref="Leads.RouteAllAsync"/>) and saved in one transaction. Made one at a time, each lead paid for the same
/// reads of its owner's rules and partners, a commit of its own and, on SQLite, a wait for the write lock the others
/// held.
/// </summary>
public sealed class LeadIntake(IServiceScopeFactory scopes) : GroupCommit<LeadIntake.Queued, IReadOnlyList<LeadDto>>
{
    /// <summary>The most leads one request may create (<c>POST /leads/batch</c>).</summary>
    public const int MaxLeadsPerRequest = 1000;

    /// <summary>One request's leads: created together or not at all.</summary>
    public sealed record Queued(IReadOnlyList<CreateLeadRequest> Requests, string Source);

    /// <summary>Validates the lead for the request's actor, then creates and routes it with whatever else arrives now.</summary>
    public async Task<Outcome<LeadDto>> CreateAsync(Leads leads, CreateLeadRequest request, string source, CancellationToken ct = default)
    {
        var valid = leads.New(request, source);
        if (!valid.IsOk) return valid.As<LeadDto>();
        return Outcome<LeadDto>.Ok((await SubmitAsync(leads.Actor, new([request], source), ct))[0]);
    }

    /// <summary>
    /// Creates and routes the leads in order, as if each were created before the next, in one transaction: all of them,
    /// or — if any is invalid — none, with each field error under the lead's place (<c>leads[3].country</c>).
    /// </summary>
    public async Task<Outcome<LeadBatchDto>> CreateManyAsync(Leads leads, IReadOnlyList<CreateLeadRequest?>? requests, string source, CancellationToken ct = default)
    {
        if (requests is not { Count: > 0 and <= MaxLeadsPerRequest })
            return Outcome<LeadBatchDto>.Invalid("leads", $"'leads' must hold 1 to {MaxLeadsPerRequest} leads.");
        var v = new Validation();
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i] is not { } request) { v.Add($"leads[{i}]", "A lead is an object."); continue; }
            foreach (var (field, messages) in leads.New(request, source).Errors)
                foreach (var message in messages) v.Add($"leads[{i}].{field}", message);
        }
        if (!v.IsValid) return v.Fail<LeadBatchDto>();
        return Outcome<LeadBatchDto>.Ok(new(await SubmitAsync(leads.Actor, new(requests!, source), ct)));
    }

    // Routing reads the owner's rules and partners once for its leads: one owner's leads to a transaction.
    protected override object? TransactionKey(Submission submission) => submission.Actor;

    protected override int Size(Submission submission) => submission.Request.Requests.Count;

    // Batches of leads that arrive together are committed together, up to one full request's worth: the owner's
    // partners and rules are read once for all of them, and on SQLite the index pages each partner's leads land on are
    // written to the log once a commit, not once a request (decision 036).
    protected override int Capacity => MaxLeadsPerRequest;

    protected override async Task<IReadOnlyList<IReadOnlyList<LeadDto>>> CommitTogetherAsync(IReadOnlyList<Submission> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MutualDbContext>();
        db.Actor = batch[0].Actor;
        var leads = services.GetRequiredService<Leads>();
        // The requests were valid when they queued; the leads are made again here, for this context, so a retry starts clean.
        var made = batch.SelectMany(s => s.Request.Requests.Select(r => leads.New(r, s.Request.Source).Value!)).ToList();
        await leads.RouteAllAsync(made);
        // Routed before the transaction, which on SQLite holds the write lock; described inside it, since once the
        // leads are committed nothing may fail and send them round again one by one.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        var described = await services.GetRequiredService<LeadQueries>().DescribeCreatedAsync(made);
        await transaction.CommitAsync();
        var answers = new List<IReadOnlyList<LeadDto>>(batch.Count);
        var at = 0;
        foreach (var submission in batch)
        {
            answers.Add(Enumerable.Range(at, submission.Request.Requests.Count).Select(i => described[i]).ToList());
            at += submission.Request.Requests.Count;
        }
        return answers;
    }

    protected override async Task<IReadOnlyList<LeadDto>> CommitAloneAsync(Submission submission) => (await CommitTogetherAsync([submission]))[0];
}
