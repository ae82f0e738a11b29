using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Web.Hosting;

/// <summary>Where the portal's data lives: the server named by ConnectionStrings:Portal, or else an embedded
/// cluster under .data/postgres that the app starts and stops itself.</summary>
public sealed class PortalDatabase : IAsyncDisposable
{
    public const string DatabaseName = "portal";
    private PortalDatabase(string connectionString, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        Embedded = embedded;
    }

    public string ConnectionString { get; }
    public EmbeddedPostgres? Embedded { get; }

    public static async Task<PortalDatabase> OpenAsync(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Portal");
        if (!string.IsNullOrWhiteSpace(configured)) return new PortalDatabase(configured, null);

        var dataDir = configuration["Database:EmbeddedDataDirectory"];
        dataDir = string.IsNullOrWhiteSpace(dataDir)
            ? Path.Combine(RepositoryRoot(contentRoot), ".data", "postgres")
            : Path.GetFullPath(dataDir, contentRoot);
        var embedded = await EmbeddedPostgres.StartPersistentAsync(dataDir, Console.WriteLine);
        await embedded.EnsureDatabaseAsync(DatabaseName);
        return new PortalDatabase(embedded.ConnectionString(DatabaseName), embedded);
    }

    /// <summary>The folder holding Portal.sln when run from a clone; the content root otherwise (published app).</summary>
    public static string RepositoryRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        return contentRoot;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var dbs = services.GetRequiredService<IDbContextFactory<PortalDb>>();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        // Types (ltree) created by the migration must be known to already-open pooled connections.
        await using var conn = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        await conn.ReloadTypesAsync(ct);
        ScaleOut.EnsureKeyRing(services);
    }

    public async ValueTask DisposeAsync()
    {
        if (Embedded is not null) await Embedded.StopAsync();
    }
}
