using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;
using Mutual.Web.Tests.Support;

namespace Mutual.Core.Tests;

/// <summary>A migrated database (SQLite, or PostgreSQL when MUTUAL_TEST_POSTGRES is set) and contexts bound to chosen actors.</summary>
public sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    public int Count { get; set; }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count++;
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

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

    /// <summary>A member organization with one staff person, and an actor signed in as that person for it.</summary>
    public async Task<Actor> NewMemberAsync(string name)
    {
        await using var db = Open(Actor.System);
        var now = Clock.GetUtcNow().UtcDateTime;
        var org = new Party { Kind = PartyKind.Organization, Name = name, IsMember = true, CreatedAt = now, UpdatedAt = now };
        org.OwnerPartyId = org.Id;
        var person = new Party { Kind = PartyKind.Person, Name = name + " Staff", IsMember = true, OwnerPartyId = org.Id, CreatedAt = now, UpdatedAt = now };
        org.RefreshSearchText();
        person.RefreshSearchText();
        db.Parties.AddRange(org, person);
        await db.SaveChangesAsync();
        return new Actor(org.Id, person.Id, Guid.CreateVersion7());
    }

    /// <summary>For services that open their own contexts: new ones start anonymous, as the host's factory does.</summary>
    public IDbContextFactory<MutualDbContext> Factory => new ContextFactory(this);

    private sealed class ContextFactory(CoreDatabase database) : IDbContextFactory<MutualDbContext>
    {
        public MutualDbContext CreateDbContext() => database.Open(Actor.Anonymous);
    }

    /// <summary>A context that counts the SQL commands it sends, to prove a use case does not query per row.</summary>
    public MutualDbContext OpenCounting(Actor actor, CommandCounter counter) => OpenIntercepted(actor, counter);

    /// <summary>A context whose commands pass through the given interceptor (to count them, or to act between them).</summary>
    public MutualDbContext OpenIntercepted(Actor actor, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor interceptor) =>
        new(new DbContextOptionsBuilder<MutualDbContext>(_options!).AddInterceptors(interceptor).Options) { Actor = actor };

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}
