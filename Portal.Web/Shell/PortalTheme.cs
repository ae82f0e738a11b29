using MudBlazor;

namespace Portal.Web.Shell;

public static class PortalTheme
{
    // Colours chosen for WCAG AA contrast with white text (primary 7.4:1).
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#8B1A1A",
            Secondary = "#1F4E79",
            AppbarBackground = "#8B1A1A",
            Tertiary = "#2E6B30",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans", "Roboto", "Arial", "sans-serif"] },
        },
    };
}
