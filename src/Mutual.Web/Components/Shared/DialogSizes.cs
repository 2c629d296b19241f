using MudBlazor;

namespace Mutual.Web.Components.Shared;

/// <summary>
/// The two dialog sizes the UI uses; on a phone both take the full width. No close icon in the title:
/// Cancel and Escape close every dialog. Focus follows MudBlazor's default: the dialog itself takes it
/// when it opens (so a screen reader announces it) and Tab leads to the first field. A field's own
/// AutoFocus would race with that and could move the caret while someone is already typing.
/// </summary>
public static class DialogSizes
{
    public static readonly DialogOptions Normal = new() { MaxWidth = MaxWidth.Small, FullWidth = true };
    public static readonly DialogOptions Wide = new() { MaxWidth = MaxWidth.Medium, FullWidth = true };
}
