// The raw insert rate of the store, to compare with `mutual import parties`: N parties built in memory, written
// with BulkInsert in batches of 5,000, timed without the CSV and validation work.
// Usage: dotnet run scripts/bulk-insert-rate.cs -- sqlite|postgres [connection] [rows] [nofts]
//   nofts (SQLite): drop the FTS5 triggers first, to see what the full-text index costs per row.
#:project ../src/Mutual.Core/Mutual.Core.csproj
#:project ../src/Mutual.Data.Sqlite/Mutual.Data.Sqlite.csproj
#:project ../src/Mutual.Data.Postgres/Mutual.Data.Postgres.csproj
#:property Configuration=Release
#:property PublishAot=false
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

var provider = args.Length > 0 ? args[0] : "sqlite";
var connection = args.Length > 1 && args[1] != "-" ? args[1] : $"Data Source={Path.Combine(Path.GetTempPath(), $"bulk-rate-{Environment.ProcessId}.db")}";
var total = args.Length > 2 ? int.Parse(args[2]) : 100_000;
var builder = new DbContextOptionsBuilder<MutualDbContext>();
MutualDatabase.Configure(builder, MutualDatabase.ParseProvider(provider), connection);
await using var db = new MutualDbContext(builder.Options) { Actor = Actor.System };
await MutualDatabase.MigrateAsync(db);
await db.Database.OpenConnectionAsync();
if (provider == "sqlite") await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
if (args.Contains("nofts")) await db.Database.ExecuteSqlRawAsync(Mutual.Data.Sqlite.SearchIndexSql.Drop);

var owner = Guid.NewGuid();
var now = DateTime.UtcNow;
var cpu = TimeSpan.Zero;
var wall = TimeSpan.Zero;
for (var start = 0; start < total; start += 5000)
{
    var batch = new List<Party>(5000);
    for (var i = start; i < Math.Min(start + 5000, total); i++)
    {
        var p = new Party { Kind = PartyKind.Person, Name = $"Goran Lima {i}", Emails = [$"p{i}@people.example"], Phones = ["+44 20 0000001"], Tags = ["customer", "newsletter"], OwnerPartyId = owner, CreatedAt = now, UpdatedAt = now };
        p.RefreshSearchText();
        batch.Add(p);
    }
    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    await BulkInsert.InsertAsync(db, batch);
    cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu0;
    wall += clock.Elapsed;
}
Console.WriteLine($"{provider}{(args.Contains("nofts") ? " without FTS" : "")}, {total:N0} parties: {total / wall.TotalSeconds:N0} rows/s, "
    + $"{cpu.TotalMicroseconds / total:F1} µs CPU/row in this process (a PostgreSQL server's own CPU is not counted)");
