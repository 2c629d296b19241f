using Mutual.Core.Cases;
using Mutual.Core.Data;
using MudBlazor;

namespace Mutual.Web.Components.Cases;

/// <summary>Labels, icons and the Core handlers for the case pages, phrased once so a stage reads the same everywhere.</summary>
public static class CasesUi
{
    /// <summary>
    /// The Core handler with its collaborators, as the API's dependency injection would build it. Spelled out in full:
    /// inside this namespace a bare <c>Cases</c> names the folder, not the service.
    /// </summary>
    public static global::Mutual.Core.Cases.Cases Service(MutualDbContext db, TimeProvider clock) => new(db, new CaseQueries(db), clock);

    /// <summary>The stepper's order: the way a case usually travels.</summary>
    public static IReadOnlyList<string> Steps => CaseStage.All;

    public static string StageLabel(string stage) => stage switch
    {
        CaseStage.Received => "Received",
        CaseStage.Triage => "Triage",
        CaseStage.WithPartner => "With partner",
        CaseStage.AwaitingCustomer => "Awaiting customer",
        CaseStage.Resolved => "Resolved",
        CaseStage.Closed => "Closed",
        _ => stage,
    };

    public static string StageIcon(string stage) => stage switch
    {
        CaseStage.Received => Icons.Material.Outlined.MoveToInbox,
        CaseStage.Triage => Icons.Material.Outlined.FactCheck,
        CaseStage.WithPartner => Icons.Material.Outlined.Handshake,
        CaseStage.AwaitingCustomer => Icons.Material.Outlined.HourglassEmpty,
        CaseStage.Resolved => Icons.Material.Outlined.TaskAlt,
        CaseStage.Closed => Icons.Material.Outlined.Lock,
        _ => Icons.Material.Outlined.Circle,
    };

    /// <summary>What a holder's move menu calls each stage it may set.</summary>
    public static string MoveLabel(string stage) => stage switch
    {
        CaseStage.Triage => "Back to triage",
        CaseStage.AwaitingCustomer => "Wait for the customer",
        CaseStage.Resolved => "Resolve",
        CaseStage.Closed => "Close",
        _ => StageLabel(stage),
    };

    public static string PriorityLabel(string priority) => Shared.Ui.Capitalize(priority);

    public static string KindIcon(string kind) => kind switch
    {
        CaseEntryKind.Opened => Icons.Material.Outlined.AddCircleOutline,
        CaseEntryKind.Stage => Icons.Material.Outlined.Flag,
        CaseEntryKind.Handoff => Icons.Material.Outlined.SwapHoriz,
        CaseEntryKind.Reply => Icons.Material.Outlined.ChatBubbleOutline,
        CaseEntryKind.Note => Icons.Material.Outlined.Lock,
        CaseEntryKind.Attachment => Icons.Material.Outlined.AttachFile,
        CaseEntryKind.Breach => Icons.Material.Outlined.ReportProblem,
        _ => Icons.Material.Outlined.Circle,
    };

    /// <summary>"within 1 h 20 min", "within 2 d 3 h"; rounded up to the minute, so a fresh 8 h target reads "within 8 h".</summary>
    public static string Within(DateTime dueUtc, DateTime nowUtc)
    {
        var left = dueUtc - nowUtc;
        if (left <= TimeSpan.Zero) return "now — overdue";
        var minutes = (int)Math.Ceiling(left.TotalMinutes);
        var (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
        if (d > 0) return h == 0 ? $"within {d} d" : $"within {d} d {h} h";
        if (h > 0) return m == 0 ? $"within {h} h" : $"within {h} h {m} min";
        return $"within {m} min";
    }

    /// <summary>Under an hour left to answer: worth the warning colour.</summary>
    public static readonly TimeSpan UrgentWithin = TimeSpan.FromHours(1);

    /// <summary>An SLA target in words: "4 h", "3 days".</summary>
    public static string Span(TimeSpan t) => t.TotalHours < 24 ? $"{t.TotalHours:0} h" : $"{t.TotalDays:0} days";

    /// <summary>The download: the API answers the browser's cookie and sends the file as an attachment, never rendered.</summary>
    public static string FileUrl(CaseFileDto f) => $"/api/v1/cases/{f.CaseId}/attachments/{f.Id}";

    /// <summary>"820 B", "14 KB", "2.4 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MB",
    };

    /// <summary>Field errors less one field (null when none are left), once the person has changed that field.</summary>
    public static IReadOnlyDictionary<string, string[]>? Without(IReadOnlyDictionary<string, string[]>? errors, string field) =>
        errors?.Where(e => e.Key != field).ToDictionary() is { Count: > 0 } rest ? rest : null;

    /// <summary>The public tracking link for a code (the page itself belongs to the tracking work).</summary>
    public static string TrackPath(string code) => "/track/" + Uri.EscapeDataString(code);
}
