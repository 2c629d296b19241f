using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Tests;

/// <summary>The group commit's queue: what arrives while a commit runs is committed together, and a failed batch is tried request by request.</summary>
public sealed class GroupCommitTests
{
    private static readonly Actor Ann = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
    private static readonly Actor Bob = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

    /// <summary>Doubles numbers; the first commit waits for the test to open the gate, so others queue behind it.</summary>
    /// <summary>With <paramref name="sized"/>, a request weighs as many writes as its number.</summary>
    private sealed class Doubler(bool byActor = false, bool sized = false, int? capacity = null) : GroupCommit<int, int>
    {
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<string> Commits { get; } = [];

        public Task<int> DoubleAsync(Actor actor, int n) => SubmitAsync(actor, n, CancellationToken.None);

        protected override object? TransactionKey(Submission submission) => byActor ? submission.Actor : null;

        protected override int Size(Submission submission) => sized ? Math.Abs(submission.Request) : 1;

        protected override int Capacity => capacity ?? base.Capacity;

        protected override async Task<IReadOnlyList<int>> CommitTogetherAsync(IReadOnlyList<Submission> batch)
        {
            Entered.TrySetResult();
            await Gate.Task;
            lock (Commits) Commits.Add("together " + string.Join(",", batch.Select(s => s.Request)));
            if (batch.Any(s => s.Request < 0)) throw new InvalidOperationException("negative");
            return batch.Select(s => s.Request * 2).ToList();
        }

        protected override async Task<int> CommitAloneAsync(Submission submission)
        {
            Entered.TrySetResult();
            await Gate.Task;
            lock (Commits) Commits.Add("alone " + submission.Request);
            return submission.Request < 0 ? throw new ArgumentOutOfRangeException(nameof(submission), "negative") : submission.Request * 2;
        }
    }

    [Fact]
    public async Task WhatQueuesWhileACommitRunsIsCommittedTogetherAndEachRequestGetsItsOwnResult()
    {
        await using var doubler = new Doubler();
        var first = doubler.DoubleAsync(Ann, 1);
        await WaitUntilBusyAsync(doubler, first);
        var queued = new[] { 2, 3, 4 }.Select(n => doubler.DoubleAsync(n % 2 == 0 ? Ann : Bob, n)).ToList();
        doubler.Gate.SetResult();

        Assert.Equal(2, await first);
        var results = await Task.WhenAll(queued);
        Assert.Equal([4, 6, 8], results);
        Assert.Equal(["alone 1", "together 2,3,4"], doubler.Commits);
    }

    [Fact]
    public async Task AFailedBatchIsTriedRequestByRequestSoOnlyTheBadOneFails()
    {
        await using var doubler = new Doubler();
        var first = doubler.DoubleAsync(Ann, 1);
        await WaitUntilBusyAsync(doubler, first);
        var good = doubler.DoubleAsync(Ann, 5);
        var bad = doubler.DoubleAsync(Ann, -1);
        var alsoGood = doubler.DoubleAsync(Bob, 7);
        doubler.Gate.SetResult();

        Assert.Equal(10, await good);
        Assert.Equal(14, await alsoGood);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => bad);
        Assert.Equal(["alone 1", "together 5,-1,7", "alone 5", "alone -1", "alone 7"], doubler.Commits);
        Assert.Equal(4, await doubler.DoubleAsync(Bob, 2));
    }

    [Fact]
    public async Task RequestsWithDifferentTransactionKeysAreCommittedApart()
    {
        await using var doubler = new Doubler(byActor: true);
        var first = doubler.DoubleAsync(Ann, 1);
        await WaitUntilBusyAsync(doubler, first);
        var queued = new[] { (Ann, 2), (Bob, 3), (Ann, 4), (Bob, 5) }.Select(x => doubler.DoubleAsync(x.Item1, x.Item2)).ToList();
        doubler.Gate.SetResult();

        var results = await Task.WhenAll(queued);
        Assert.Equal([4, 6, 8, 10], results);
        Assert.Equal(["alone 1", "together 2,4", "together 3,5"], doubler.Commits);
    }

    [Fact]
    public async Task ABatchTakesRequestsUntilTheirWritesFillItAndABigRequestGoesAlone()
    {
        await using var doubler = new Doubler(sized: true);
        var first = doubler.DoubleAsync(Ann, 1);
        await WaitUntilBusyAsync(doubler, first);
        var queued = new[] { 40, 30, 20, 100, 3 }.Select(n => doubler.DoubleAsync(Ann, n)).ToList();
        doubler.Gate.SetResult();

        var results = await Task.WhenAll(queued);
        Assert.Equal([80, 60, 40, 200, 6], results);
        Assert.Equal(64, GroupCommit<int, int>.MaxBatch);
        Assert.Equal(["alone 1", "alone 40", "together 30,20", "alone 100", "alone 3"], doubler.Commits);
    }

    [Fact]
    public async Task AKindOfWriteWithALargerCapacityCommitsBigRequestsTogether()
    {
        await using var doubler = new Doubler(sized: true, capacity: 150);
        var first = doubler.DoubleAsync(Ann, 1);
        await WaitUntilBusyAsync(doubler, first);
        var queued = new[] { 40, 30, 20, 100, 3, 150, 200 }.Select(n => doubler.DoubleAsync(Ann, n)).ToList();
        doubler.Gate.SetResult();

        var results = await Task.WhenAll(queued);
        Assert.Equal([80, 60, 40, 200, 6, 300, 400], results);
        Assert.Equal(["alone 1", "together 40,30,20", "together 100,3", "alone 150", "alone 200"], doubler.Commits);
    }

    // The loop is committing the first request and waits at the gate: whatever is submitted now queues behind it.
    private static async Task WaitUntilBusyAsync(Doubler doubler, Task first)
    {
        await doubler.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.False(first.IsCompleted);
    }
}
