using Microsoft.Extensions.Configuration;
using Portal.Jobs.Notifications;

namespace Portal.Tests.Hosting;

/// <summary>appsettings.Sample.json documents every setting; it must stay loadable and name the keys the code reads.</summary>
public sealed class SampleSettingsTests
{
    private static IConfiguration Sample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "appsettings.Sample.json");
            if (File.Exists(file)) return new ConfigurationBuilder().AddJsonFile(file, optional: false).Build();
        }
        throw new FileNotFoundException("appsettings.Sample.json not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData("ConnectionStrings:Portal")]
    [InlineData("Database:EmbeddedDataDirectory")]
    [InlineData("Database:MigrateOnStart")]
    [InlineData("Portal:SeedDemoData")]
    [InlineData("Auth:RequireStaffTwoFactor")]
    [InlineData("Admin:Email")]
    [InlineData("Admin:Password")]
    [InlineData("Admin:Name")]
    [InlineData("Email:FromAddress")]
    [InlineData("Email:FromName")]
    [InlineData("Email:PickupDirectory")]
    [InlineData("Email:SendGrid:ApiKey")]
    [InlineData("Email:SendGrid:Host")]
    [InlineData("Jobs:RunInWeb")]
    [InlineData("Portal:BaseUrl")]
    [InlineData("Moderation:HideAfterReports")]
    [InlineData("RateLimits:PermitsPerWindow")]
    [InlineData("RateLimits:WindowSeconds")]
    [InlineData("Proxy:Enabled")]
    [InlineData("Proxy:KnownProxies:0")]
    [InlineData("Logging:LogLevel:Default")]
    public void ShouldDocumentEverySettingTheCodeReads(string key) =>
        Assert.NotNull(Sample()[key]);

    [Fact]
    public void ShouldBindTheEmailSectionAndKeepSecretsEmpty()
    {
        var config = Sample();
        var email = config.GetSection("Email").Get<EmailOptions>();
        Assert.NotNull(email);
        Assert.Equal("Cổng đối thoại", email.FromName);
        Assert.True(string.IsNullOrEmpty(email.SendGrid.ApiKey));
        Assert.True(string.IsNullOrEmpty(config["Admin:Password"]));
        Assert.False(config.GetValue<bool>("Portal:SeedDemoData"));
    }
}
