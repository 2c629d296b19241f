using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Npgsql;

namespace Mutual.Bench;

/// <summary>
/// The store's own ceiling for the import benchmark: rows of exactly the Parties shape (copied from the loaded
/// network, already encoded, only the id changed) written to a bare copy of the table — no indexes, no full-text,
/// no validation — with the store's fastest path: one prepared INSERT per 5,000-row transaction on SQLite,
/// binary COPY on PostgreSQL. The scratch table is dropped afterwards.
/// </summary>
internal static class RawInsertCommand
{
    private const string Table = "bench_raw_parties";
    private const int Batch = 5_000;

    public static Command Create()
    {
        var rows = new Option<int>("--rows") { DefaultValueFactory = _ => 100_000 };
        var command = new Command("raw-insert", "Measure the raw insert rate of the store with Parties-shaped rows") { rows };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = BenchDatabase.Open(parse);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(ct);
            var (columns, samples) = await ReadSamplesAsync(connection, ct);
            var postgres = connection is NpgsqlConnection;
            await ExecAsync(connection, $"DROP TABLE IF EXISTS {Table}", ct);
            await ExecAsync(connection, postgres ? $"CREATE TABLE {Table} (LIKE \"Parties\")" : $"CREATE TABLE {Table} AS SELECT * FROM \"Parties\" WHERE 0", ct);
            try
            {
                var n = parse.GetValue(rows);
                var clock = Stopwatch.StartNew();
                if (postgres) await CopyAsync((NpgsqlConnection)connection, columns, samples, n, ct);
                else await PreparedAsync((SqliteConnection)connection, columns, samples, n, ct);
                clock.Stop();
                Console.WriteLine($"raw-insert rows={n} seconds={clock.Elapsed.TotalSeconds:F2} rows_per_s={n / clock.Elapsed.TotalSeconds:F0}");
            }
            finally
            {
                await ExecAsync(connection, $"DROP TABLE IF EXISTS {Table}", CancellationToken.None);
            }
            return 0;
        });
        return command;
    }

    private static async Task<(List<(string Name, string Type)> Columns, List<object?[]> Rows)> ReadSamplesAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM \"Parties\" LIMIT 2000";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => (reader.GetName(i), reader.GetDataTypeName(i))).ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(values);
        }
        if (rows.Count == 0) throw new InvalidOperationException("Parties is empty: load a network first.");
        return (columns, rows);
    }

    private static async Task PreparedAsync(SqliteConnection connection, List<(string Name, string Type)> columns, List<object?[]> samples, int n, CancellationToken ct)
    {
        var idColumn = columns.FindIndex(c => c.Name == "Id");
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO {Table} VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        for (var done = 0; done < n;)
        {
            await using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            for (var end = Math.Min(n, done + Batch); done < end; done++)
            {
                var row = samples[done % samples.Count];
                for (var i = 0; i < parameters.Length; i++) parameters[i].Value = i == idColumn ? Uuid7.NewId().ToString().ToUpperInvariant() : row[i] ?? DBNull.Value;
                insert.ExecuteNonQuery(); // SQLite has no real async I/O; the sync call is the cheaper one
            }
            await transaction.CommitAsync(ct);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<(string Name, string Type)> columns, List<object?[]> samples, int n, CancellationToken ct)
    {
        var idColumn = columns.FindIndex(c => c.Name == "Id");
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {Table} ({names}) FROM STDIN (FORMAT BINARY)", ct);
        for (var done = 0; done < n; done++)
        {
            var row = samples[done % samples.Count];
            await copy.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = i == idColumn ? Uuid7.NewId() : row[i];
                if (value is null) await copy.WriteNullAsync(ct);
                else await copy.WriteAsync(value, columns[i].Type, ct);
            }
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task ExecAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
