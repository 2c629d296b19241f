using System.Globalization;
using SQLitePCL;

namespace Mutual.Core.Data;

/// <summary>
/// Binds a provider value (after EF's value converter) to a statement by position, in the form Microsoft.Data.Sqlite
/// gives it for EF's SQLite type mappings: GUIDs as upper-case text, times as "yyyy-MM-dd HH:mm:ss.FFFFFFF", decimals
/// as invariant text, booleans and whole numbers as integers. BulkInsertTests hold the stored text of every bulk-written
/// table equal to what SaveChanges stores. A type not listed here is refused rather than guessed at.
/// </summary>
internal static class SqliteValues
{
    public static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string s => raw.sqlite3_bind_text(statement, index, s),
        Guid g => raw.sqlite3_bind_text(statement, index, g.ToString().ToUpperInvariant()),
        DateTime d => raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        int i => raw.sqlite3_bind_int64(statement, index, i),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        short s => raw.sqlite3_bind_int64(statement, index, s),
        byte b => raw.sqlite3_bind_int64(statement, index, b),
        Enum e => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, CultureInfo.InvariantCulture)),
        double d => raw.sqlite3_bind_double(statement, index, d),
        decimal m => raw.sqlite3_bind_text(statement, index, m.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new NotSupportedException($"The bulk writer does not bind {value.GetType().Name} values on SQLite."),
    };
}
