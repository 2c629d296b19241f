using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;

namespace Mutual.Core.Demo.Synthetic;

/// <summary>Streams rows into the bulk writer batch by batch, reporting progress and keeping each table's count and time.</summary>
internal sealed class TableWriter(MutualDbContext db, ISyntheticProgress? progress, CancellationToken ct)
{
    private const int Batch = 20_000;
    private readonly List<SyntheticTable> _tables = [];

    public IReadOnlyList<SyntheticTable> Tables => _tables;

    /// <summary>Writes the rows; <paramref name="afterBatch"/> runs after each batch (to write rows that depend on it).</summary>
    public async Task WriteAsync<T>(string name, long? total, IEnumerable<T> rows, Func<Task>? afterBatch = null) where T : class
    {
        var index = Entry(name);
        var bar = progress?.Begin(name, total ?? 0);
        var clock = Stopwatch.StartNew();
        long done = 0;
        var elsewhere = TimeSpan.Zero;
        foreach (var batch in rows.Chunk(Batch))
        {
            done += await BulkInsert.InsertAsync(db, batch, ct);
            bar?.Report(done);
            if (afterBatch is null) continue;
            var before = clock.Elapsed;
            await afterBatch();
            elsewhere += clock.Elapsed - before;
        }
        progress?.End(name);
        // Time spent in afterBatch is counted by the dependent table (AppendAsync), not this one.
        _tables[index] = new SyntheticTable(name, done, clock.Elapsed - elsewhere);
    }

    /// <summary>Writes a batch of rows of a table that is filled alongside another, adding to its totals.</summary>
    public async Task AppendAsync<T>(string name, IReadOnlyCollection<T> rows) where T : class
    {
        var clock = Stopwatch.StartNew();
        var written = await BulkInsert.InsertAsync(db, rows, ct);
        var index = Entry(name);
        _tables[index] = _tables[index] with { Rows = _tables[index].Rows + written, Elapsed = _tables[index].Elapsed + clock.Elapsed };
    }

    private int Entry(string name)
    {
        var index = _tables.FindIndex(t => t.Name == name);
        if (index >= 0) return index;
        _tables.Add(new SyntheticTable(name, 0, TimeSpan.Zero));
        return _tables.Count - 1;
    }
}
