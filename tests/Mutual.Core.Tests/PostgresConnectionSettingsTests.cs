using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Tests;

/// <summary>Every PostgreSQL session of the app runs without parallel query, unless the connection string says otherwise.</summary>
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

    [Theory]
    [InlineData("Host=db;Username=app", "-c max_parallel_workers_per_gather=0")]
    [InlineData("Host=db;Options=-c statement_timeout=5000", "-c statement_timeout=5000 -c max_parallel_workers_per_gather=0")]
    [InlineData("Host=db;Options=-c max_parallel_workers_per_gather=2", "-c max_parallel_workers_per_gather=2")]
    public void TheSettingJoinsTheConnectionsOwnOptionsAndYieldsToThem(string connectionString, string options) =>
        Assert.Equal(options, new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionSettings.Apply(connectionString)).Options);
}
