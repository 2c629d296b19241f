using MudBlazor;

namespace Mutual.Web.Components.Shared;

/// <summary>Calm neutrals and one accent (teal); both palettes keep body text and the accent above WCAG AA contrast.</summary>
public static class MutualTheme
{
    private static readonly string[] Fonts =
        ["\"Segoe UI\"", "Roboto", "\"Helvetica Neue\"", "Arial", "\"Liberation Sans\"", "system-ui", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f766e",
            PrimaryContrastText = "#ffffff",
            Secondary = "#475467",
            Tertiary = "#475467",
            Info = "#1d5f8a",
            Success = "#067647",
            Warning = "#b54708",
            Error = "#b42318",
            AppbarBackground = "#ffffff",
            AppbarText = "#1d2939",
            Background = "#f5f6f8",
            BackgroundGray = "#eef0f3",
            Surface = "#ffffff",
            DrawerBackground = "#f5f6f8",
            DrawerText = "#1d2939",
            DrawerIcon = "#475467",
            TextPrimary = "#1d2939",
            TextSecondary = "#526071",
            ActionDefault = "#526071",
            Divider = "#e3e6ea",
            LinesDefault = "#e3e6ea",
            TableLines = "#eceef1",
            TableHover = "#f3f5f7",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#2dd4bf",
            PrimaryContrastText = "#042f2b",
            Secondary = "#a3adbb",
            Tertiary = "#a3adbb",
            Info = "#7cc0f0",
            Success = "#47cd89",
            SuccessContrastText = "#05291a",
            Warning = "#fdb022",
            WarningContrastText = "#2e1a02",
            Error = "#f97066",
            ErrorContrastText = "#2d0a07",
            AppbarBackground = "#16191d",
            AppbarText = "#e6e9ed",
            Background = "#0f1114",
            BackgroundGray = "#1b1f24",
            Surface = "#171a1e",
            DrawerBackground = "#0f1114",
            DrawerText = "#e6e9ed",
            DrawerIcon = "#a3adbb",
            TextPrimary = "#e6e9ed",
            TextSecondary = "#a3adbb",
            ActionDefault = "#a3adbb",
            Divider = "#2a2f36",
            LinesDefault = "#2a2f36",
            TableLines = "#252a30",
            TableHover = "#1d2126",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = ".875rem", LineHeight = "1.55" },
            H5 = new H5Typography { FontFamily = Fonts, FontSize = "1.375rem", FontWeight = "600", LineHeight = "1.3" },
            H6 = new H6Typography { FontFamily = Fonts, FontSize = "1.0625rem", FontWeight = "600", LineHeight = "1.4" },
            Subtitle1 = new Subtitle1Typography { FontFamily = Fonts, FontSize = ".9375rem", FontWeight = "600" },
            Subtitle2 = new Subtitle2Typography { FontFamily = Fonts, FontSize = ".8125rem", FontWeight = "600" },
            Body1 = new Body1Typography { FontFamily = Fonts, FontSize = ".9375rem", LineHeight = "1.55" },
            Body2 = new Body2Typography { FontFamily = Fonts, FontSize = ".875rem", LineHeight = "1.55" },
            Button = new ButtonTypography { FontFamily = Fonts, FontSize = ".875rem", FontWeight = "500", TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = Fonts, FontSize = ".78rem", LineHeight = "1.45" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", AppbarHeight = "56px", DrawerWidthLeft = "220px" },
    };
}
