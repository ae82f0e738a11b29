namespace Portal.Tests.Infrastructure;

/// <summary>The reference data beside the repository (../shared/data), read in place, never copied in.</summary>
public static class SharedData
{
    public static string Directory
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("PORTAL_SHARED_DATA");
            if (!string.IsNullOrEmpty(env)) return env;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (System.IO.Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("../shared/data not found; set PORTAL_SHARED_DATA.");
        }
    }
}
