namespace Portal.Web.Hosting;

/// <summary>The site's static files live in the repository's top-level wwwroot/ when run from a clone, and in
/// the app's own wwwroot/ when published (the project links them there).</summary>
public static class WebRoot
{
    public static string? Find(string start)
    {
        foreach (var candidate in new[] { start, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(candidate); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                    return Path.Combine(dir.FullName, "wwwroot");
            }
        }
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(published) ? published : null;
    }
}
