using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Mutual.Core.Data;

/// <summary>
/// A diagnostic, off unless configured (Mutual:Database:QueryPlanLog = a file path): before each query runs, asks the
/// store how it will run it (EXPLAIN on PostgreSQL, EXPLAIN QUERY PLAN on SQLite) with the query's own parameters, on
/// the same connection and transaction, and appends the statement and its plan to the file as one JSON line.
/// bench/explain.sh drives every list, search and timeline endpoint through it and flags full scans. It doubles the
/// work of every query: never on in production.
/// </summary>
public sealed class QueryPlanLog(string path) : DbCommandInterceptor
{
    private readonly Lock _write = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        // Only single SELECT statements: EF batches writes with RETURNING, which EXPLAIN would not describe usefully.
        var sql = command.CommandText.TrimStart();
        if (!sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || command.Connection is not { } connection) return;
        var plan = new List<string>();
        try
        {
            using var explain = connection.CreateCommand();
            explain.Transaction = command.Transaction;
            explain.CommandText = (connection is SqliteConnection ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql;
            foreach (DbParameter p in command.Parameters) explain.Parameters.Add(Copy(p));
            using var reader = explain.ExecuteReader();
            // EXPLAIN QUERY PLAN rows are (id, parent, notused, detail); PostgreSQL's are one line of text each.
            while (reader.Read()) plan.Add(reader.GetString(reader.FieldCount >= 4 ? 3 : 0));
        }
        catch (DbException e)
        {
            plan.Add("(no plan: " + e.Message + ")");
        }
        var line = JsonSerializer.Serialize(new { sql, plan });
        lock (_write) File.AppendAllText(path, line + "\n");
    }

    private static DbParameter Copy(DbParameter p) => p switch
    {
        NpgsqlParameter n => n.Clone(),
        SqliteParameter s => new SqliteParameter(s.ParameterName, s.Value) { SqliteType = s.SqliteType, Size = s.Size },
        _ => throw new NotSupportedException(p.GetType().Name),
    };
}
