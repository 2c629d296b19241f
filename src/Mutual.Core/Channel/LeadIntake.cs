using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Channel;

/// <summary>
/// Creates the leads that arrive over the API at the same moment together (a group commit). A request validates its
/// lead and queues it; one loop takes whatever has queued, up to <see cref="MaxBatch"/>, routes each owner's leads in a
/// row (<see cref="Leads.SaveAllAsync"/>) and saves them in one transaction, then answers every request. Made one at a
/// time, each lead paid for the same reads of its owner's rules and partners, a commit of its own and, on SQLite, a
/// wait for the write lock the others held. A lone lead is still taken at once, and no request is answered before its
/// lead is committed. A batch that fails is tried again lead by lead, so one lead's failure stays its own.
/// </summary>
public sealed class LeadIntake : IAsyncDisposable
{
    public const int MaxBatch = 64;

    private sealed record Item(Actor Actor, CreateLeadRequest Request, string Source, TaskCompletionSource<LeadDto> Done);

    private readonly IServiceScopeFactory _scopes;
    private readonly Channel<Item> _queue = System.Threading.Channels.Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public LeadIntake(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        // The first request to need the intake creates it: its context (the signed-in user) must not flow into the loop.
        using (ExecutionContext.SuppressFlow()) _loop = Task.Run(RunAsync);
    }

    /// <summary>Validates the lead for the request's actor, then creates and routes it with whatever else arrives now.</summary>
    public async Task<Outcome<LeadDto>> CreateAsync(Leads leads, CreateLeadRequest request, string source, CancellationToken ct = default)
    {
        var valid = leads.New(request, source);
        if (!valid.IsOk) return valid.As<LeadDto>();
        var item = new Item(leads.Actor, request, source, new(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(item), this);
        // A request that goes away stops waiting; its lead is created all the same, as if it had gone after the save.
        return Outcome<LeadDto>.Ok(await item.Done.Task.WaitAsync(ct));
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Item>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var item)) batch.Add(item);
            foreach (var owners in batch.GroupBy(i => i.Actor)) await CommitAsync(owners.ToList());
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Item> items)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<MutualDbContext>().Actor = items[0].Actor;
            var leads = services.GetRequiredService<Leads>();
            // The requests were valid when they queued; the leads are made again here, for this context, so a retry starts clean.
            var made = items.Select(i => leads.New(i.Request, i.Source).Value!).ToList();
            try { await leads.SaveAllAsync(made); }
            catch when (items.Count > 1)
            {
                foreach (var item in items) await CommitAsync([item]);
                return;
            }
            var described = await services.GetRequiredService<LeadQueries>().DescribeCreatedAsync(made);
            for (var i = 0; i < items.Count; i++) items[i].Done.TrySetResult(described[i]);
        }
        catch (Exception e)
        {
            foreach (var item in items) item.Done.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
