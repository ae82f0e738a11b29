using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Portal.Tests.Shell;

/// <summary>Every Vietnamese text a component or helper shows through a localizer has its English translation in the
/// resources of that localizer's marker class (looked up the way the app does, satellite assembly included);
/// otherwise English readers would silently get Vietnamese.</summary>
public partial class LocalizationTests
{
    [Fact]
    public void ShouldHaveAnEnglishTranslationForEveryLocalizedText()
    {
        var web = Path.Combine(RepositoryRoot(), "Portal.Web");
        var markers = typeof(Portal.Web.Shell.Strings).Assembly.GetTypes().ToLookup(t => t.Name);
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var missing = new List<string>();
        var checkedKeys = 0;
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        try
        {
            foreach (var file in Directory.GetFiles(web, "*.*", SearchOption.AllDirectories)
                         .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains("/obj/") && !f.Contains("/bin/")))
            {
                var text = File.ReadAllText(file);
                foreach (var (marker, variable) in Localizers(file, web))
                {
                    var localizer = factory.Create(markers[marker].Single());
                    foreach (Match use in Regex.Matches(text, $@"(?<![\w.]){variable}\[\s*""((?:[^""\\]|\\.)*)"""))
                    {
                        var key = Regex.Unescape(use.Groups[1].Value);
                        checkedKeys++;
                        if (localizer[key].ResourceNotFound)
                            missing.Add($"{Path.GetRelativePath(web, file)}: {marker}.en.resx lacks \"{key}\"");
                    }
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        Assert.True(checkedKeys > 300, $"only {checkedKeys} texts found: is the scan right?");
        Assert.True(missing.Count == 0, string.Join('\n', missing.Distinct()));
    }

    /// <summary>The localizers a file can use: its own injections, fields and parameters, and for .razor files
    /// those of every _Imports.razor above it.</summary>
    private static IEnumerable<(string Marker, string Variable)> Localizers(string file, string web)
    {
        var sources = new List<string> { file };
        if (file.EndsWith(".razor"))
        {
            for (var dir = Path.GetDirectoryName(file)!; dir.Length >= web.Length; dir = Path.GetDirectoryName(dir)!)
            {
                var imports = Path.Combine(dir, "_Imports.razor");
                if (File.Exists(imports)) sources.Add(imports);
            }
        }
        var found = new Dictionary<string, string>();
        foreach (var source in sources)
            foreach (Match m in Localizer().Matches(File.ReadAllText(source)))
                found.TryAdd(m.Groups[2].Value, m.Groups[1].Value);
        return found.Select(kv => (kv.Value, kv.Key));
    }

    [GeneratedRegex(@"IStringLocalizer<(?:[\w.]+\.)?(\w+)>\??\s+(\w+)")]
    private static partial Regex Localizer();

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Portal.sln not found above the test binaries.");
    }
}
