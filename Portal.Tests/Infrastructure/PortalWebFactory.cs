using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The whole portal in-process on its own cloned database, with emails written to a temporary pickup folder.
/// Use as a class fixture; call <see cref="UseRealServer"/> before first use for browser tests (Kestrel on a free port).
/// </summary>
public class PortalWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public string MailDirectory { get; private init; } = Path.Combine(Path.GetTempPath(), "portal-mail-" + Guid.NewGuid().ToString("N")[..8]);
    public FakeTimeProvider? Clock { get; set; }
    /// <summary>Any other clock for the app (e.g. a <see cref="ShiftedClock"/> for browser tests); <see cref="Clock"/> wins.</summary>
    public TimeProvider? Time { get; set; }
    public bool RequireStaffTwoFactor { get; set; }
    public bool SeedDemoData { get; set; }
    /// <summary>Run the Hangfire server in the app (off by default: tests call the jobs themselves).</summary>
    public bool RunJobs { get; set; }

    private bool _ownsDatabase = true;

    public virtual async Task InitializeAsync()
    {
        if (_ownsDatabase) ConnectionString = await TestDatabase.CreateAsync(GetType().Name);
    }

    /// <summary>Another web node on this factory's database (scale-out tests); this factory still drops the database,
    /// so dispose the second node first.</summary>
    public PortalWebFactory SecondNode() => new() { ConnectionString = ConnectionString, _ownsDatabase = false, MailDirectory = MailDirectory };

    /// <summary>Extra configuration for this node (e.g. Proxy:Enabled).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Serve over real HTTP on loopback (for Chromium); returns the base address.</summary>
    public string UseRealServer()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Portal:SeedDemoData", SeedDemoData ? "true" : "false");
        builder.UseSetting("Auth:RequireStaffTwoFactor", RequireStaffTwoFactor ? "true" : "false");
        builder.UseSetting("Email:PickupDirectory", MailDirectory);
        builder.UseSetting("Jobs:RunInWeb", RunJobs ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        var time = (TimeProvider?)Clock ?? Time;
        if (time is not null)
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
    }

    /// <summary>The .eml files written so far, oldest first.</summary>
    public IReadOnlyList<string> Emails() =>
        Directory.Exists(MailDirectory) ? Directory.GetFiles(MailDirectory, "*.eml").Order().Select(File.ReadAllText).ToList() : [];

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (!_ownsDatabase) return;
        await TestDatabase.DropAsync(ConnectionString);
        if (Directory.Exists(MailDirectory)) Directory.Delete(MailDirectory, recursive: true);
    }
}
