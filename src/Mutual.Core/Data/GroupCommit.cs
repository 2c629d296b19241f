using System.Threading.Channels;
using Mutual.Core.Access;

namespace Mutual.Core.Data;

/// <summary>
/// Writes the requests that arrive at the same moment in one transaction (a group commit). A request queues and
/// waits; one loop per node takes whatever has queued, up to <see cref="Capacity"/>, commits it together and then
/// answers each request. A commit's fixed costs are paid once a batch instead of once a request: on SQLite the write
/// lock the writers otherwise queue for one by one, the fsync of the write-ahead log, and the pages every write
/// touches (a table's and its indexes' last pages); on both stores a transaction's round trips. A lone request is
/// taken at once, and no request is answered before its write is committed. A batch that fails is tried again request
/// by request, so one request's failure stays its own.
/// </summary>
public abstract class GroupCommit<TRequest, TResult> : IAsyncDisposable
{
    public const int MaxBatch = 64;

    /// <summary>A queued request and the actor it acts for.</summary>
    public sealed record Submission(Actor Actor, TRequest Request);

    private sealed record Entry(Submission Submission, TaskCompletionSource<TResult> Done);

    private readonly Channel<Entry> _queue = System.Threading.Channels.Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    protected GroupCommit()
    {
        // The first request to need the loop creates it: its context (the signed-in user) must not flow into the loop.
        using (ExecutionContext.SuppressFlow()) _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues the request and waits until it is committed, with whatever else arrives now.</summary>
    protected async Task<TResult> SubmitAsync(Actor actor, TRequest request, CancellationToken ct)
    {
        var entry = new Entry(new(actor, request), new(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(entry), this);
        // A request that goes away stops waiting; its write is committed all the same, as if it had gone after it.
        return await entry.Done.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Commits the requests together, in one transaction, and returns their results in the same order. It throws only
    /// when nothing was committed (its requests are then tried alone): whatever could fail comes before the commit.
    /// </summary>
    protected abstract Task<IReadOnlyList<TResult>> CommitTogetherAsync(IReadOnlyList<Submission> batch);

    /// <summary>Commits one request alone: a lone request, or one of a batch that failed.</summary>
    protected abstract Task<TResult> CommitAloneAsync(Submission submission);

    /// <summary>Requests with different keys are committed in different transactions (null: all in one).</summary>
    protected virtual object? TransactionKey(Submission submission) => null;

    /// <summary>
    /// How much of a batch the request fills (the writes it carries): a batch takes requests until their sizes reach
    /// <see cref="Capacity"/>, and a request that fills it alone goes alone.
    /// </summary>
    protected virtual int Size(Submission submission) => 1;

    /// <summary>The most writes (summed <see cref="Size"/>) one transaction carries; <see cref="MaxBatch"/> unless a kind of write says otherwise.</summary>
    protected virtual int Capacity => MaxBatch;

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Entry>();
        while (await reader.WaitToReadAsync())
        {
            var size = 0;
            while (size < Capacity && reader.TryPeek(out var next))
            {
                var more = Size(next.Submission);
                if (batch.Count > 0 && size + more > Capacity) break;
                reader.TryRead(out _); // the loop is the only reader: what it peeked is what it takes
                batch.Add(next);
                size += more;
            }
            foreach (var group in batch.GroupBy(e => TransactionKey(e.Submission)))
            {
                var entries = group.ToList();
                // The loop outlives any one batch: a fault here answers the batch's requests, never stops the node's writes.
                try { await CommitAsync(entries); }
                catch (Exception e) { foreach (var entry in entries) entry.Done.TrySetException(e); }
            }
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Entry> entries)
    {
        if (entries.Count > 1 && await TryTogetherAsync(entries)) return;
        foreach (var entry in entries)
        {
            try { entry.Done.TrySetResult(await CommitAloneAsync(entry.Submission)); }
            catch (Exception e) { entry.Done.TrySetException(e); }
        }
    }

    private async Task<bool> TryTogetherAsync(List<Entry> entries)
    {
        IReadOnlyList<TResult> results;
        try { results = await CommitTogetherAsync(entries.Select(e => e.Submission).ToList()); }
        // Whatever failed (the store logs it) is met again, or not, when each request is tried alone.
        catch (Exception) { return false; }
        if (results.Count != entries.Count) throw new InvalidOperationException("A batch must give one result per request.");
        for (var i = 0; i < entries.Count; i++) entries[i].Done.TrySetResult(results[i]);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        GC.SuppressFinalize(this);
    }
}
