using Mutual.Core.Cases;
using CaseService = Mutual.Core.Cases.Cases;

namespace Mutual.Core.Demo;

/// <summary>
/// Service cases (<see cref="DemoCaseScript"/>) played through the Cases service, each step as the party who takes it:
/// the host's support opens them, partners and the supplier work what is handed to them, customers answer as their own
/// people. Steps of all cases run in time order, so case ids (UUIDv7, the lists' sort key) follow the story, and the SLA
/// sweep runs at the moments the script names and once more at "now", as the worker would: breach flags and events are real.
/// </summary>
internal sealed partial class DemoLoader
{
    private readonly Dictionary<string, Guid> _orders = new(StringComparer.Ordinal);

    /// <summary>The one case whose tracking link the demo prints: codes are shown only when a case is opened.</summary>
    public DemoTrack? Showcase { get; private set; }

    public async Task CasesAsync()
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var steps = DemoCaseScript.All
            .SelectMany(c => c.Steps.Prepend(new DemoCaseStep(0, c.By, DemoCaseAction.Open)).Select(s => (Case: c, Step: s, At: StartOf(c).AddHours(s.AfterHours))))
            .OrderBy(s => s.At) // stable: an opening stays ahead of anything at the same moment
            .ToList();
        foreach (var (c, step, at) in steps)
        {
            if (at >= clock.RealNow) throw new InvalidOperationException($"Demo case '{c.Title}' has a step after now.");
            clock.Now = at;
            if (step.Action == DemoCaseAction.Sweep)
            {
                await new CaseSlaSweep(factory, clock).RunAsync(ct);
                continue;
            }
            await using var db = await AsAsync(step.Who!);
            var cases = new CaseService(db, new CaseQueries(db), clock);
            var what = $"{step.Action} '{c.Title}'";
            switch (step.Action)
            {
                case DemoCaseAction.Open:
                    var reference = c.Order is { } customer ? "Order #" + OrderNumber(_orders[customer]) : null;
                    var opened = Check(await cases.OpenAsync(new OpenCaseRequest(c.Title, _parties[c.Customer], c.Description, reference, c.Priority), ct), what);
                    ids[c.Title] = opened.Id;
                    if (c.Showcase) Showcase = new DemoTrack(c.Title, "/track/" + opened.TrackingCode);
                    break;
                case DemoCaseAction.Move:
                    Check(await cases.MoveAsync(ids[c.Title], step.Text, null, ct), what);
                    break;
                case DemoCaseAction.Reply:
                    Check(await cases.ReplyAsync(ids[c.Title], step.Text, ct), what);
                    break;
                case DemoCaseAction.Note:
                    Check(await cases.NoteAsync(ids[c.Title], step.Text, ct), what);
                    break;
                case DemoCaseAction.HandOff:
                    Check(await cases.HandOffAsync(ids[c.Title], _parties[step.To!], step.Text, ct), what);
                    break;
            }
        }
        clock.Now = clock.RealNow;
        await new CaseSlaSweep(factory, clock).RunAsync(ct);
    }

    /// <summary>Recent cases count back from now, to the whole minute so their times read like the older ones'.</summary>
    private DateTimeOffset StartOf(DemoCase c) => c.DaysAgo != 0 ? clock.At(c.DaysAgo, c.Hour)
        : new DateTimeOffset(clock.RealNow.UtcTicks - clock.RealNow.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddHours(-c.Hour);

    /// <summary>The order number the web pages show (the id's last eight hex digits), so a reference can be looked up there.</summary>
    private static string OrderNumber(Guid id) => id.ToString("N")[^8..].ToUpperInvariant();
}
