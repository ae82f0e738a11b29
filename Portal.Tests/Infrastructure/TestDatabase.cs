using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server per test run: a throwaway cluster started by the same launcher the portal uses, or the
/// server named by PORTAL_TEST_DATABASE. A template database is migrated once; each test class clones it.
/// </summary>
public static class TestDatabase
{
    private const string Template = "portal_template";
    private static readonly SemaphoreSlim CloneLock = new(1, 1);
    private static readonly Lazy<Task<Server>> Started = new(StartAsync);

    private sealed record Server(Func<string, string> ConnectionString, EmbeddedPostgres? Embedded);

    /// <summary>Creates a new database, cloned from the migrated template, and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string hint)
    {
        var server = await Started.Value;
        var name = "t_" + new string(hint.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray()) + "_" + Guid.NewGuid().ToString("N")[..8];
        // CREATE DATABASE ... TEMPLATE needs the template to have no other session: serialise the clones.
        await CloneLock.WaitAsync();
        try
        {
            await using var conn = new NpgsqlConnection(server.ConnectionString("postgres"));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        finally
        {
            CloneLock.Release();
        }
        return server.ConnectionString(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var server = await Started.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(server.ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public static PortalDb Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDb>();
        PortalDb.Configure(options, connectionString);
        return new PortalDb(options.Options);
    }

    private static async Task<Server> StartAsync()
    {
        Server server;
        var external = Environment.GetEnvironmentVariable("PORTAL_TEST_DATABASE");
        if (!string.IsNullOrWhiteSpace(external))
        {
            server = new Server(db => new NpgsqlConnectionStringBuilder(external) { Database = db }.ConnectionString, null);
        }
        else
        {
            var embedded = await EmbeddedPostgres.StartThrowawayAsync(_ => { });
            AppDomain.CurrentDomain.ProcessExit += (_, _) => embedded.Stop();
            server = new Server(embedded.ConnectionString, embedded);
        }

        await using (var conn = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Template}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Template}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
        await using (var db = Open(server.ConnectionString(Template)))
        {
            await db.Database.MigrateAsync();
            // The country root exists in every portal database (the app creates it at start).
            var units = new Portal.Domain.Units.UnitService(new SingleFactory(server.ConnectionString(Template)), TimeProvider.System);
            await units.EnsureCountryAsync();
            // Holidays and default deadline policies, as the app seeds them at start.
            await new Portal.Domain.Deadlines.DeadlineService(new SingleFactory(server.ConnectionString(Template)), TimeProvider.System).SeedAsync();
        }
        await using (var conn = new NpgsqlConnection(server.ConnectionString(Template)))
        {
            // Hangfire's tables too, so no test database has to create them at start.
            await conn.OpenAsync();
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(conn, Portal.Jobs.JobsSetup.HangfireSchema);
        }
        NpgsqlConnection.ClearAllPools();
        return server;
    }

    private sealed class SingleFactory(string connectionString) : IDbContextFactory<PortalDb>
    {
        public PortalDb CreateDbContext() => Open(connectionString);
    }
}
