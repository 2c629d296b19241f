using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Mutual.Core.Data;

/// <summary>
/// How a SQLite connection waits for the write lock another connection holds: it looks again every millisecond, for up
/// to ten seconds. SQLite's own busy timeout sleeps in growing steps (1, 2, 5, 10, 15, 20, 25 … 100 ms), so under a
/// steady stream of writes a waiting writer kept sleeping past the moments the lock was free — the tail of posting
/// and of the webhook worker's transactions. SQLitePCLRaw does not expose <c>sqlite3_busy_handler</c>, so it is called
/// in the bundled SQLite library directly.
/// </summary>
internal static class SqliteBusyWait
{
    /// <summary>Tries before giving up (SQLITE_BUSY): at a millisecond or a little more each, about ten seconds.</summary>
    private const int MaxTries = 10_000;

    private delegate int BusyHandler(IntPtr argument, int tries);

    // Held for the life of the process: native code calls it through the pointer.
    private static readonly BusyHandler Handler = Wait;
    private static readonly IntPtr HandlerPointer = Marshal.GetFunctionPointerForDelegate(Handler);

    private static long _waits;

    /// <summary>How many times any connection of this process has waited for the lock (each wait about a millisecond).</summary>
    public static long Waits => Interlocked.Read(ref _waits);

    public static void Install(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle }) return;
        var rc = sqlite3_busy_handler(handle.DangerousGetHandle(), HandlerPointer, IntPtr.Zero);
        if (rc != 0) throw new InvalidOperationException($"sqlite3_busy_handler failed ({rc}).");
    }

    private static int Wait(IntPtr argument, int tries)
    {
        if (tries >= MaxTries) return 0;
        Interlocked.Increment(ref _waits);
        Thread.Sleep(1);
        return 1;
    }

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int sqlite3_busy_handler(IntPtr db, IntPtr handler, IntPtr argument);
}
