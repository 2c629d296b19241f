using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mutual.Core.Data;

/// <summary>
/// Per-connection SQLite settings, applied once to each physical connection (EF opens a pooled connection for every
/// query; a pragma per open cost a statement per query).
/// <list type="bullet">
/// <item>A busy handler (<see cref="SqliteBusyWait"/>): SQLite lets one writer in at a time. Without one a second writer
/// gets SQLITE_BUSY at once and Microsoft.Data.Sqlite retries it after a fixed pause of a sixth of a second, so two
/// people posting at the same moment made one of them wait that long.</item>
/// <item>mmap_size: reads go through a memory map of the file shared by every connection instead of a read() call
/// and a copy into each connection's own 2 MB page cache; at 100k parties a party list's row lookups were mostly
/// page-cache misses.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();
    private const string Pragma = "PRAGMA mmap_size = 2147418112;";
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        SqliteBusyWait.Install(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection)) return;
        SqliteBusyWait.Install(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The native handle outlives the SqliteConnection objects that borrow it from the pool.
    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
