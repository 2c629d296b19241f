using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace Mutual.Core.Data;

/// <summary>
/// Writes many rows of one entity type through each store's fast path, without change tracking:
/// on SQLite one transaction and one prepared INSERT re-bound per row (through SQLite's C API), on PostgreSQL binary COPY.
/// Values are encoded by the EF model's own type mappings and value converters, so the rows read back
/// exactly as if SaveChanges had written them. It writes no outbox events and applies no query filter:
/// its callers (the network generator, CSV import) are system work that validates before writing.
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Inserts the rows in one transaction (or in the caller's, when one is open) and returns how many.
    /// The caller batches: a batch of 10,000–50,000 rows keeps memory flat and commits often enough.
    /// </summary>
    public static Task<int> InsertAsync<T>(MutualDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class =>
        InsertAsync(db, typeof(T), rows, ct);

    /// <summary>The same for rows of an entity type known at run time (every row of that type).</summary>
    public static async Task<int> InsertAsync(MutualDbContext db, Type type, IEnumerable<object> rows, CancellationToken ct = default)
    {
        var table = BulkTable.For(db, type);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await using (own)
            {
                var count = db.IsPostgres()
                    ? await CopyAsync(db, table, rows, ct)
                    : await PreparedAsync(db, table, rows, ct);
                if (own is not null) await own.CommitAsync(ct);
                return count;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Task<int> PreparedAsync(MutualDbContext db, BulkTable table, IEnumerable<object> rows, CancellationToken ct)
    {
        // Straight to SQLite's C API, bound by position: Microsoft.Data.Sqlite looks every parameter up by name and opens
        // a data reader for each execution, which was a third of a bulk row's managed time. It runs synchronously anyway.
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        var sql = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) "
            + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1)))})";
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            var count = 0;
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < table.Columns.Count; i++) Check(SqliteValues.Bind(statement, i + 1, table.Columns[i].ProviderValue(row)), handle);
                var done = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (done != raw.SQLITE_DONE) Check(done, handle);
                count++;
            }
            return Task.FromResult(count);
        }
    }

    private static void Check(int rc, sqlite3 handle)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE)) SqliteException.ThrowExceptionForRC(rc, handle);
    }

    private static async Task<int> CopyAsync(MutualDbContext db, BulkTable table, IEnumerable<object> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        var count = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in table.Columns)
            {
                var value = column.ProviderValue(row);
                if (value is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, column.PostgresType, ct);
            }
            count++;
        }
        await importer.CompleteAsync(ct);
        return count;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}

/// <summary>One entity type's table as the bulk writer sees it: the mapped columns in model order.</summary>
internal sealed record BulkTable(string Name, IReadOnlyList<BulkColumn> Columns)
{
    public static BulkTable For(MutualDbContext db, Type type)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var name = entity.GetTableName() ?? throw new InvalidOperationException($"{type.Name} has no table.");
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = new List<BulkColumn>();
        foreach (var property in entity.GetProperties())
        {
            if (property.IsShadowProperty()) throw new NotSupportedException($"{type.Name}.{property.Name} is a shadow property; the bulk writer reads CLR values only.");
            if (property.GetComputedColumnSql(store) is not null) continue;
            var mapping = property.GetRelationalTypeMapping();
            columns.Add(new BulkColumn(property.GetColumnName(store)!, property, mapping, property.GetGetter()));
        }
        return new BulkTable(name, columns);
    }
}

internal sealed record BulkColumn(string Name, IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)
{
    /// <summary>The store type without its facets ("character varying(200)" → "character varying"), which is what COPY asks for.</summary>
    public string PostgresType { get; } = StripFacets(Mapping.StoreType);

    private readonly Func<object?, object?>? _convert = (Property.GetValueConverter() ?? Mapping.Converter)?.ConvertToProvider;

    public object? ProviderValue(object row)
    {
        var value = Getter.GetClrValueUsingContainingEntity(row);
        return value is null || _convert is null ? value : _convert(value);
    }

    private static string StripFacets(string storeType)
    {
        var open = storeType.IndexOf('(');
        if (open < 0) return storeType;
        var close = storeType.IndexOf(')', open);
        return (storeType[..open] + storeType[(close + 1)..]).Trim();
    }
}
