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
            // MudBlazor's default status colours fail AA as text on white (outlined alerts, text buttons); these pass
            // both as text on white and behind white text.
            Info = "#0B5394",
            Success = "#1B5E20",
            Warning = "#8A4B00",
            Error = "#B00020",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans", "Roboto", "Arial", "sans-serif"] },
        },
    };
}
