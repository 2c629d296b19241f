using MudBlazor;

namespace Mutual.Web.Components.Shared;

/// <summary>The two dialog sizes the UI uses; on a phone both take the full width.</summary>
public static class DialogSizes
{
    public static readonly DialogOptions Normal = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };
    public static readonly DialogOptions Wide = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true };
}
