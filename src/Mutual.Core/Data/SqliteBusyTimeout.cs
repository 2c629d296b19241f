using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mutual.Core.Data;

/// <summary>
/// SQLite lets one writer in at a time. Without a busy timeout a second writer gets SQLITE_BUSY at once and
/// Microsoft.Data.Sqlite retries it after a fixed pause of a sixth of a second, so two people posting at the
/// same moment made one of them wait that long (the post-message benchmark's p95 was over a second). SQLite's own
/// busy handler instead waits in steps of 1–100 ms and takes the lock as soon as it is free.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();
    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
