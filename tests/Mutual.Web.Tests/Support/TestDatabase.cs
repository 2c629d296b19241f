using Npgsql;

namespace Mutual.Web.Tests.Support;

/// <summary>
/// A throwaway database for one test app: a SQLite file in a temp folder, or, when MUTUAL_TEST_POSTGRES
/// holds a server connection string, a fresh PostgreSQL database dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "MUTUAL_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _serverConnection;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string? folder, string? server, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _serverConnection = server;
        _databaseName = name;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    public static bool UsePostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            var folder = Directory.CreateTempSubdirectory("mutual-test-").FullName;
            return new TestDatabase("sqlite", $"Data Source={Path.Combine(folder, "mutual.db")}", folder, null, null);
        }
        var name = "mutual_t_" + Guid.NewGuid().ToString("N");
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase("postgres", cs, null, server, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
        if (_serverConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_serverConnection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
