using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mutual.Core.Data;

namespace Mutual.Core.Events;

/// <summary>
/// This node committed an outbox event (<see cref="OutboxCommitInterceptor"/>), so its outbox workers need not wait
/// for their next tick (the tick bounded webhook lag from below). Other nodes' commits are not seen here; their
/// workers' ticks pick them up.
/// </summary>
public sealed class OutboxSignal : Wakeup;

/// <summary>
/// Notifies <see cref="OutboxSignal"/> once a save that added outbox messages is committed: at the end of
/// SaveChanges, or, when the save ran inside an explicit transaction, when that transaction commits.
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is null) return;
        // Outbox messages are always added explicitly, so their state is known without a second DetectChanges.
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var belowEf = false;
            if (context is MutualDbContext { OutboxWrittenBelowEf: true } mutual) (belowEf, mutual.OutboxWrittenBelowEf) = (true, false);
            if (belowEf || tracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added)) _pending.AddOrUpdate(context, true);
        }
        finally { tracker.AutoDetectChangesEnabled = detect; }
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _pending.Remove(context)) signal.Notify();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _pending.Remove(context);
    }
}
