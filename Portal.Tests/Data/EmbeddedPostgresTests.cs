using Npgsql;
using Portal.Domain.Data;

namespace Portal.Tests.Data;

/// <summary>The launcher behind `dotnet run`: first run, second run with data kept, a crash's stale pid file, a cluster left running.</summary>
public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "portal-embedded-test-" + Guid.NewGuid().ToString("N")[..8], "postgres");

    [Fact]
    public async Task ShouldKeepDataAcrossRunsAndSurviveAStalePidFile()
    {
        var first = await EmbeddedPostgres.StartPersistentAsync(_dir, _ => { });
        await first.EnsureDatabaseAsync("portal");
        await Execute(first, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('còn đây')");
        await first.StopAsync();

        // A crash leaves postmaster.pid behind, often naming a pid that now belongs to another process (here: 1).
        var pidFile = Path.Combine(_dir, "postmaster.pid");
        await File.WriteAllTextAsync(pidFile, $"1\n{_dir}\n1700000000\n{first.Port}\n\n127.0.0.1\n  5432001         0\nready   \n");

        var second = await EmbeddedPostgres.StartPersistentAsync(_dir, _ => { });
        try
        {
            Assert.Equal("còn đây", await Scalar(second, "SELECT v FROM kept"));
        }
        finally
        {
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task ShouldReuseAClusterThatIsStillRunning()
    {
        var first = await EmbeddedPostgres.StartPersistentAsync(_dir, _ => { });
        try
        {
            var second = await EmbeddedPostgres.StartPersistentAsync(_dir, _ => { });
            Assert.Equal(first.Port, second.Port);
        }
        finally
        {
            await first.StopAsync();
        }
    }

    [Fact]
    public void ShouldFindNoBinariesWhereThereAreNone()
    {
        Assert.Null(EmbeddedPostgres.FindBinaries([Path.GetTempPath()]));
        Assert.Contains("ConnectionStrings__Portal", EmbeddedPostgres.MissingBinariesMessage);
    }

    private static async Task Execute(EmbeddedPostgres pg, string sql)
    {
        await using var conn = new NpgsqlConnection(pg.ConnectionString("portal"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(EmbeddedPostgres pg, string sql)
    {
        await using var conn = new NpgsqlConnection(pg.ConnectionString("portal"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(Path.GetDirectoryName(_dir)!, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
