using System.Data.Common;
using Npgsql;

namespace Mutual.Core.Data;

/// <summary>
/// What every PostgreSQL session of the app runs with, sent in the connection's startup packet (the connection string's
/// Options), so it costs no round trip. Parallel query is off: the app's reads are index ranges of a page, and at a
/// million parties the planner still gave some a parallel plan (it overestimates rows for a list of ids), whose two
/// workers took ~40 ms to start for 1 ms of work — a list of 50 parties 12 → 44–78 ms (decision 027). A setting the
/// connection string's own Options names wins.
/// <para>
/// Statements a connection runs five times are prepared on the server (Npgsql's automatic preparation, up to
/// <see cref="AutoPrepared"/> per connection): planning the app's short reads took as long as running them (a
/// routing read: 0.3–0.7 ms planning, 0.1–0.2 ms execution). Reads whose plan depends on their values opt out of
/// generic plans (<see cref="CustomPlans"/>). A connection string that sets Max Auto Prepare itself keeps its value.
/// </para>
/// <para>
/// A connection goes back to the pool as it is (Npgsql's No Reset On Close): by default the next request's first
/// command carried a reset of the session (RESET ALL, CLOSE ALL, UNLISTEN, advisory unlocks…), parsed and run on the
/// server for every request, and a request is often one or two short reads — at 1M on two cores the party page served
/// 2,700 → 3,100–3,300 req/s without it, the thread 1,430–1,540 → 1,890–2,080. The app leaves no state on a session to
/// reset: its only setting is SET LOCAL, which ends with its transaction, and it takes no session locks and listens to
/// nothing. A connection string that sets No Reset On Close itself keeps its value.
/// </para>
/// </summary>
public static class PostgresConnectionSettings
{
    private const string Setting = "max_parallel_workers_per_gather";
    public const int AutoPrepared = 100;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var options = builder.Options ?? "";
        if (!options.Contains(Setting, StringComparison.OrdinalIgnoreCase))
            builder.Options = (options + $" -c {Setting}=0").Trim();
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) builder.MaxAutoPrepare = AutoPrepared;
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
