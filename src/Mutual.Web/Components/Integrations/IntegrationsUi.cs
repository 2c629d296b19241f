using MudBlazor;
using Mutual.Core.Events;
using Mutual.Core.Webhooks;

namespace Mutual.Web.Components.Integrations;

/// <summary>Labels, groupings and colours the webhook and API key pages share.</summary>
public static class IntegrationsUi
{
    /// <summary>The event catalogue grouped by its area (the part before the dot), in catalogue order.</summary>
    public static IReadOnlyList<IGrouping<string, string>> EventGroups { get; } =
        EventTypes.Known.GroupBy(t => t.Split('.')[0]).ToList();

    public static string AreaLabel(string area) => Shared.Ui.Capitalize(area);

    public static Color StateColor(string state) => state switch
    {
        WebhookDelivery.Delivered => Color.Success,
        WebhookDelivery.Failed => Color.Error,
        _ => Color.Warning,
    };

    /// <summary>"delivered · 200", "pending · HTTP 500 …": the state with the last answer, for one line.</summary>
    public static string Outcome(WebhookDeliveryDto d) =>
        d.LastStatusCode is { } code ? $"{d.State} · {code}" : d.Attempts == 0 ? d.State : $"{d.State} · no answer";

    /// <summary>An id short enough for a table cell; the full value goes in the title.</summary>
    public static string ShortId(Guid id) => id.ToString()[..8] + "…";

    /// <summary>Scopes as the grid shows them: per area, read and/or write.</summary>
    public static string ScopeSummary(IEnumerable<string> scopes) =>
        string.Join(", ", scopes.Select(s => s.Split(':')).GroupBy(p => p[0])
            .Select(g => $"{g.Key} {string.Join("+", g.Select(p => p[1]).OrderBy(a => a == "write"))}"));
}
