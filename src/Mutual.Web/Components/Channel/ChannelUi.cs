using System.Globalization;
using Mutual.Core.Channel;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Web.Components.Channel;

/// <summary>Labels, colours and the small sums the channel pages share, so a status reads the same everywhere.</summary>
public static class ChannelUi
{
    /// <summary>The Core handler with its collaborators, as the API's dependency injection would build it.</summary>
    public static Leads LeadService(MutualDbContext db, TimeProvider clock) => new(db, new LeadRouter(db, clock), new LeadQueries(db), clock);

    /// <summary>Statuses a partner's bar is stacked by, in the order a deal moves (the queue has no partner).</summary>
    public static readonly string[] ChartStatuses =
        [LeadStatus.Assigned, LeadStatus.Accepted, LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Won, LeadStatus.Lost];

    /// <summary>One colour per chart status: blues while it moves, green for won, red for lost. Readable on both palettes.</summary>
    public static readonly string[] ChartPalette = ["#7c8da6", "#1d5f8a", "#0f766e", "#14b8a6", "#067647", "#b42318"];

    public static string StatusLabel(string status) => status switch
    {
        LeadStatus.Unassigned => "Queued",
        LeadStatus.Assigned => "Awaiting acceptance",
        _ => Mutual.Web.Components.Shared.Ui.Capitalize(status),
    };

    public static string OutcomeLabel(string outcome) => outcome switch
    {
        HopOutcome.Pending => "Waiting for an answer",
        HopOutcome.Accepted => "Accepted",
        HopOutcome.Declined => "Declined",
        HopOutcome.TimedOut => "No answer in time",
        _ => outcome,
    };

    /// <summary>Leads carry no currency (the owner's own), so values are plain grouped numbers.</summary>
    public static string Money(decimal? value) =>
        value is { } v ? v.ToString(v == decimal.Truncate(v) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture) : "—";

    public static string Place(string country, string? region) => region is null ? country : $"{country}-{region}";

    public static string Percent(double? rate) => rate is { } r ? $"{Math.Round(r * 100):0}%" : "—";

    public static string Hours(double? hours) => hours is { } h ? (h < 1 ? $"{Math.Round(h * 60):0} min" : $"{h:0.#} h") : "—";

    public static int OpenCount(PipelineRow row) => LeadStatus.Open.Sum(s => row.Counts.GetValueOrDefault(s));
}
