using Mutual.Core.Cases;

namespace Mutual.Web.Components.Track;

/// <summary>
/// Everything the public tracking page shows: the public case view, and what the visitor may do from it — reply or
/// confirm the resolution, when signed in as the customer or holding a one-time customer link.
/// </summary>
public sealed record TrackView(TrackDto Case)
{
    /// <summary>Where the page's forms post; null when the visitor may not act (they see a sign-in hint instead).</summary>
    public string? ActionPath { get; init; }

    public bool ViewerIsCustomer { get; init; }
    public bool CanReply { get; init; }
    public bool CanConfirm { get; init; }

    /// <summary>For a signed-in organization that works the case: the staff page.</summary>
    public string? StaffPath { get; init; }

    public string? SignInPath { get; init; }
    public string? Error { get; init; }
    public string? Text { get; init; }
    public string? Notice { get; init; }
}

public static class TrackText
{
    /// <summary>Stage names as a customer reads them.</summary>
    public static string Stage(string stage) => stage switch
    {
        CaseStage.Received => "Received",
        CaseStage.Triage => "Being looked at",
        CaseStage.WithPartner => "With a specialist partner",
        CaseStage.AwaitingCustomer => "Waiting for your answer",
        CaseStage.Resolved => "Resolved",
        CaseStage.Closed => "Closed",
        _ => stage,
    };

    /// <summary>The four steps of the progress bar: received, in progress, resolved, closed.</summary>
    public static int Step(string stage) => stage switch
    {
        CaseStage.Received => 0,
        CaseStage.Resolved => 2,
        CaseStage.Closed => 3,
        _ => 1,
    };

    public static readonly string[] Steps = ["Received", "In progress", "Resolved", "Closed"];

    /// <summary>No script on this page, so times are shown in UTC, unambiguous, with a machine-readable datetime.</summary>
    public static string Time(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
