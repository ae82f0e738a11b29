using Microsoft.AspNetCore.Localization;
using Portal.Web.Shell;

namespace Portal.Web.Accounts;

/// <summary>Keeps the UI language cookie in line with the language saved in the person's profile.</summary>
public static class PreferredLanguage
{
    public static string Of(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? "en" : "vi";

    public static void Remember(HttpContext context, string language)
    {
        var culture = language == "en" ? Cultures.English : Cultures.Vietnamese;
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
    }
}
