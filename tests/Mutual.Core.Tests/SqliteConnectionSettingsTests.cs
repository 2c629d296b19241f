using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Tests;

/// <summary>Every SQLite connection the app opens waits for the write lock (polling every millisecond) and reads through a memory map.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mutual-settings-").FullName;

    [Fact]
    public async Task EveryPooledConnectionWaitsForTheWriteLockAndHasTheMemoryMap()
    {
        var builder = new DbContextOptionsBuilder<MutualDbContext>();
        MutualDatabase.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "m.db")}");
        // Several contexts at once take several physical connections from the pool; each is set up on first use and
        // keeps its settings when it goes back to the pool and is borrowed again.
        for (var round = 0; round < 2; round++)
        {
            var contexts = Enumerable.Range(0, 3).Select(_ => new MutualDbContext(builder.Options) { Actor = Actor.System }).ToList();
            foreach (var db in contexts) await db.Database.OpenConnectionAsync();
            foreach (var db in contexts) Assert.Equal(2_147_418_112, await Pragma(db, "mmap_size"));
            // One holds the write lock; another asks SQLite itself for it (not through Microsoft.Data.Sqlite, which would
            // retry a refusal on its own): it waits instead of being refused, and gets the lock once it is free.
            await using (var holding = await contexts[0].Database.BeginTransactionAsync())
            {
                var waits = SqliteBusyWait.Waits;
                var handle = ((Microsoft.Data.Sqlite.SqliteConnection)contexts[1].Database.GetDbConnection()).Handle!;
                var asking = Task.Run(() => SQLitePCL.raw.sqlite3_exec(handle, "BEGIN IMMEDIATE"), TestContext.Current.CancellationToken);
                Assert.True(SpinWait.SpinUntil(() => SqliteBusyWait.Waits > waits || asking.IsCompleted, TimeSpan.FromSeconds(30)));
                await holding.CommitAsync(TestContext.Current.CancellationToken);
                Assert.Equal(SQLitePCL.raw.SQLITE_OK, await asking);
                SQLitePCL.raw.sqlite3_exec(handle, "ROLLBACK");
            }
            foreach (var db in contexts) await db.DisposeAsync();
        }
    }

    private static async Task<long> Pragma(MutualDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
