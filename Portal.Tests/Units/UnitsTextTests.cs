using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Units;

namespace Portal.Tests.Units;

public class UnitsTextTests
{
    [Fact]
    public void ShouldHaveAnEnglishTextForEveryVietnameseTextOfTheUnitsPages()
    {
        var folder = Path.Combine(RepositoryRoot(), "Portal.Web", "Units");
        var keys = Directory.GetFiles(folder, "*.razor").Concat(Directory.GetFiles(folder, "*.cs"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "T\\[\"([^\"]+)\"").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(UnitsText));
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            Assert.True(keys.Count > 50, $"found only {keys.Count} texts: is the folder right?");
            var missing = keys.Where(k => localizer[k].ResourceNotFound).ToList();
            Assert.Empty(missing);
            Assert.Equal("Administrative units", localizer["Đơn vị hành chính"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
