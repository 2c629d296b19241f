using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Web.Tests.Support;

namespace Mutual.Core.Tests;

/// <summary>A migrated database (SQLite, or PostgreSQL when MUTUAL_TEST_POSTGRES is set) and contexts bound to chosen actors.</summary>
public sealed class CoreDatabase : IAsyncLifetime
{
    private TestDatabase? _database;
    private DbContextOptions<MutualDbContext>? _options;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var builder = new DbContextOptionsBuilder<MutualDbContext>();
        MutualDatabase.Configure(builder, MutualDatabase.ParseProvider(_database.Provider), _database.ConnectionString);
        _options = builder.Options;
        await using var db = Open(Actor.System);
        await MutualDatabase.MigrateAsync(db);
    }

    public MutualDbContext Open(Actor actor) => new(_options!) { Actor = actor };

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}
