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
        return builder.ConnectionString;
    }
}
