using Microsoft.EntityFrameworkCore;

namespace Mutual.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Chooses the store. Each provider has its own migration assembly.</summary>
public static class MutualDatabase
{
    public const string SqliteMigrations = "Mutual.Data.Sqlite";
    public const string PostgresMigrations = "Mutual.Data.Postgres";
    public const string DefaultSqliteConnection = "Data Source=data/mutual.db";

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Unknown Mutual:Database:Provider '{value}'. Use 'sqlite' or 'postgres'."),
    };

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("ConnectionStrings:Mutual is required for PostgreSQL.");
            options.UseNpgsql(PostgresConnectionSettings.Apply(connectionString), o => o.MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            var cs = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString;
            EnsureSqliteFolder(cs);
            options.UseSqlite(cs, o => o.MigrationsAssembly(SqliteMigrations)).AddInterceptors(SqliteConnectionSettings.Instance);
        }
    }

    /// <summary>
    /// Applies pending migrations. On SQLite the full-text index is then rebuilt from the table, because a
    /// migration that rebuilds Parties renumbers the rowids the index is keyed by.
    /// </summary>
    public static async Task<int> MigrateAsync(MutualDbContext db, CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        if (pending == 0) return 0;
        // A migration that rewrites a table (a backfill, a new index) takes minutes at a million parties; the default
        // 30 s command timeout would stop it halfway on a real database.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres())
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"PartySearch\"(\"PartySearch\") VALUES ('rebuild');", ct);
        return pending;
    }

    public static bool IsPostgres(this MutualDbContext db) => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir) && builder.DataSource != ":memory:") Directory.CreateDirectory(dir);
    }
}

public static class SystemContext
{
    /// <summary>
    /// A fresh context acting as the system, for sign-in and set-up work. It is never the request's own
    /// context, so the system's view cannot leak into what the signed-in actor does next.
    /// </summary>
    public static async Task<MutualDbContext> CreateSystemAsync(this IDbContextFactory<MutualDbContext> factory, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct);
        db.Actor = Access.Actor.System;
        return db;
    }

    /// <summary>The same, for the few callers the framework calls synchronously (the data-protection key ring).</summary>
    public static MutualDbContext CreateSystem(this IDbContextFactory<MutualDbContext> factory)
    {
        var db = factory.CreateDbContext();
        db.Actor = Access.Actor.System;
        return db;
    }
}
