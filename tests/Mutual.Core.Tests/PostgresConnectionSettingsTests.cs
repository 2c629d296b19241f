using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Tests;

/// <summary>
/// Every PostgreSQL session of the app runs without parallel query, prepares the statements it runs often and goes back
/// to the pool without a reset (the app's one setting is transaction-local), unless the connection string says otherwise.
/// </summary>
public sealed class PostgresConnectionSettingsTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task TheAppsSessionsPlanWithoutParallelWorkers()
    {
        await using var db = database.Open(Actor.System);
        if (!db.IsPostgres()) Assert.Skip("PostgreSQL only (set MUTUAL_TEST_POSTGRES).");
        var value = await db.Database.SqlQueryRaw<string>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"")
            .SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("0", value);
    }

    [Fact]
    public async Task AStatementRunOftenIsPreparedOnTheServerAndValueSensitiveReadsGetCustomPlans()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Open(Actor.System);
        if (!db.IsPostgres()) Assert.Skip("PostgreSQL only (set MUTUAL_TEST_POSTGRES).");
        await db.Database.OpenConnectionAsync(ct);
        for (var i = 0; i < 6; i++) await db.Parties.AnyAsync(p => p.Name == "Nobody", ct);
        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync(ct);
        Assert.Contains(prepared, s => s.Contains("\"Parties\"", StringComparison.Ordinal));

        string Mode() => db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").AsEnumerable().Single();
        await using (await CustomPlans.BeginAsync(db, needed: true, ct)) Assert.Equal("force_custom_plan", Mode());
        Assert.Equal("auto", Mode());
        await using (await CustomPlans.BeginAsync(db, needed: false, ct)) Assert.Equal("auto", Mode());
    }

    [Theory]
    [InlineData("Host=db", PostgresConnectionSettings.AutoPrepared)]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;max auto prepare=20", 20)]
    public void StatementsAreAutoPreparedUnlessTheConnectionStringSaysOtherwise(string connectionString, int expected) =>
        Assert.Equal(expected, new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionSettings.Apply(connectionString)).MaxAutoPrepare);

    [Theory]
    [InlineData("Host=db", true)]
    [InlineData("Host=db;No Reset On Close=false", false)]
    [InlineData("Host=db;noresetonclose=false", false)]
    public void PooledConnectionsAreNotResetUnlessTheConnectionStringSaysOtherwise(string connectionString, bool expected) =>
        Assert.Equal(expected, new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionSettings.Apply(connectionString)).NoResetOnClose);

    [Theory]
    [InlineData("Host=db;Username=app", "-c max_parallel_workers_per_gather=0")]
    [InlineData("Host=db;Options=-c statement_timeout=5000", "-c statement_timeout=5000 -c max_parallel_workers_per_gather=0")]
    [InlineData("Host=db;Options=-c max_parallel_workers_per_gather=2", "-c max_parallel_workers_per_gather=2")]
    public void TheSettingJoinsTheConnectionsOwnOptionsAndYieldsToThem(string connectionString, string options) =>
        Assert.Equal(options, new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionSettings.Apply(connectionString)).Options);
}
