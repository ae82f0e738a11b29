using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Portal.Tests.Shell;

/// <summary>Every Vietnamese text a component shows through a localizer has its English translation in the resx of
/// that localizer's marker class; otherwise English readers would silently get Vietnamese.</summary>
public partial class LocalizationTests
{
    [Fact]
    public void ShouldHaveAnEnglishTranslationForEveryLocalizedText()
    {
        var web = Path.Combine(RepositoryRoot(), "Portal.Web");
        var resx = Directory.GetFiles(web, "*.en.resx", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetFileName(f)[..^".en.resx".Length], f => XDocument.Load(f).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!).ToHashSet());
        var missing = new List<string>();
        foreach (var file in Directory.GetFiles(web, "*.razor", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")))
        {
            var text = File.ReadAllText(file);
            foreach (var (marker, variable) in Localizers(file, web))
            {
                foreach (Match use in Regex.Matches(text, $@"(?<![\w.]){variable}\[""((?:[^""\\]|\\.)*)"""))
                {
                    var key = Regex.Unescape(use.Groups[1].Value);
                    if (!resx.TryGetValue(marker, out var keys) || !keys.Contains(key))
                        missing.Add($"{Path.GetRelativePath(web, file)}: {marker}.en.resx lacks \"{key}\"");
                }
            }
        }
        Assert.True(missing.Count == 0, string.Join('\n', missing.Distinct()));
    }

    /// <summary>The localizers a .razor file can use: its own @inject lines and those of every _Imports.razor above it.</summary>
    private static IEnumerable<(string Marker, string Variable)> Localizers(string file, string web)
    {
        var sources = new List<string> { file };
        for (var dir = Path.GetDirectoryName(file)!; dir.Length >= web.Length; dir = Path.GetDirectoryName(dir)!)
        {
            var imports = Path.Combine(dir, "_Imports.razor");
            if (File.Exists(imports)) sources.Add(imports);
        }
        var found = new Dictionary<string, string>();
        foreach (var source in sources)
            foreach (Match m in InjectLocalizer().Matches(File.ReadAllText(source)))
                found.TryAdd(m.Groups[2].Value, m.Groups[1].Value);
        return found.Select(kv => (kv.Value, kv.Key));
    }

    [GeneratedRegex(@"@inject\s+IStringLocalizer<(?:[\w.]+\.)?(\w+)>\s+(\w+)")]
    private static partial Regex InjectLocalizer();

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Portal.sln not found above the test binaries.");
    }
}
