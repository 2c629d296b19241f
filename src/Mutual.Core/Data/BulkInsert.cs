using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Mutual.Core.Data;

/// <summary>
/// Writes many rows of one entity type through each store's fast path, without change tracking:
/// on SQLite one transaction and one prepared INSERT re-bound per row, on PostgreSQL binary COPY.
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
    public static async Task<int> InsertAsync<T>(MutualDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var table = BulkTable.For<T>(db);
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

    private static async Task<int> PreparedAsync<T>(MutualDbContext db, BulkTable table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) "
            + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        // Created once, with the mapping's parameter facets (a GUID is bound as upper-case text, as EF does); then only re-bound.
        var parameters = table.Columns.Select((c, i) => c.Mapping.CreateParameter(command, "$p" + i, null, c.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(ct);
        var count = 0;
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = table.Columns[i].ProviderValue(row) ?? DBNull.Value;
            // Microsoft.Data.Sqlite runs every command synchronously; the async call only adds a task per row.
            command.ExecuteNonQuery();
            count++;
        }
        return count;
    }

    private static async Task<int> CopyAsync<T>(MutualDbContext db, BulkTable table, IEnumerable<T> rows, CancellationToken ct) where T : class
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
    public static BulkTable For<T>(MutualDbContext db) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var name = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = new List<BulkColumn>();
        foreach (var property in entity.GetProperties())
        {
            if (property.IsShadowProperty()) throw new NotSupportedException($"{typeof(T).Name}.{property.Name} is a shadow property; the bulk writer reads CLR values only.");
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
