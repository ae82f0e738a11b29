using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Accounts;

namespace Portal.Tests.Accounts;

public class AccountsTextTests
{
    [Fact]
    public void ShouldHaveAnEnglishTextForEveryVietnameseTextOfTheAccountPages()
    {
        var keys = SourceFiles().SelectMany(f => Regex.Matches(File.ReadAllText(f), @"\bT\[\s*""((?:[^""\\]|\\.)*)""").Select(m => m.Groups[1].Value.Replace("\\\"", "\"")))
            .Distinct().ToList();
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var localizer = factory.Create(typeof(AccountsText));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            var missing = keys.Where(k => localizer[k].ResourceNotFound).ToList();
            Assert.True(keys.Count > 100, $"only {keys.Count} texts found: is the source folder right?");
            Assert.Empty(missing);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static IEnumerable<string> SourceFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var accounts = Path.Combine(dir.FullName, "Portal.Web", "Accounts");
        return Directory.EnumerateFiles(accounts, "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(accounts, "*.cs", SearchOption.AllDirectories));
    }
}
