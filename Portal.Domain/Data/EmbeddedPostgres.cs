using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Portal.Domain.Data;

/// <summary>
/// A PostgreSQL cluster the portal (or the test suite) starts itself from the machine's server binaries,
/// so that a newcomer needs no database set-up. Listens on loopback only, trusts local connections,
/// and is never meant for production (there, set ConnectionStrings:Portal).
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string Superuser = "portal";
    private readonly string _binDir;
    private readonly bool _throwaway;
    private readonly Action<string> _log;
    private bool _stopped;

    private EmbeddedPostgres(string binDir, string dataDir, int port, bool throwaway, Action<string> log)
    {
        _binDir = binDir;
        DataDirectory = dataDir;
        Port = port;
        _throwaway = throwaway;
        _log = log;
    }

    public string DataDirectory { get; }
    public int Port { get; }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        // Max Auto Prepare keeps hot queries prepared; pooling stays on.
        MaxAutoPrepare = 50,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>The directory holding initdb/pg_ctl/postgres, from PATH or /usr/lib/postgresql/N/bin (newest first).</summary>
    public static string? FindBinaries() => FindBinaries(DefaultSearchPath());

    public static string? FindBinaries(IEnumerable<string> candidates)
    {
        foreach (var dir in candidates)
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres")))
                return ResolveLinks(dir);
        }
        return null;
    }

    private static List<string> DefaultSearchPath()
    {
        var candidates = new List<string>();
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        return candidates;
    }

    /// <summary>/usr/local/bin/initdb may link into /usr/lib/postgresql/N/bin, where pg_ctl expects its siblings.</summary>
    private static string ResolveLinks(string dir)
    {
        var initdb = new FileInfo(Path.Combine(dir, "initdb"));
        var target = initdb.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? dir : Path.GetDirectoryName(target.FullName)!;
    }

    public const string MissingBinariesMessage =
        "Không tìm thấy PostgreSQL (initdb, pg_ctl): cài bằng 'sudo apt-get install -y postgresql' hoặc đặt biến ConnectionStrings__Portal trỏ tới một máy chủ PostgreSQL có sẵn. " +
        "(PostgreSQL server binaries not found: install them with 'sudo apt-get install -y postgresql', or set ConnectionStrings__Portal to an existing server.)";

    /// <summary>Starts (creating on first use) a persistent cluster in <paramref name="dataDir"/>. Survives a stale
    /// postmaster.pid from a crash and a port taken by something else; reuses a cluster that is still running.</summary>
    public static async Task<EmbeddedPostgres> StartPersistentAsync(string dataDir, Action<string> log, CancellationToken ct = default)
    {
        var bin = FindBinaries() ?? throw new EmbeddedPostgresException(MissingBinariesMessage);
        dataDir = ReachableDataDirectory(Path.GetFullPath(dataDir), log);
        await EnsureClusterAsync(bin, dataDir, fsync: true, log, ct);

        var running = RunningPort(bin, dataDir);
        if (running is int port)
        {
            log($"PostgreSQL đã chạy sẵn trên cổng {port} (reusing the running cluster).");
            return new EmbeddedPostgres(bin, dataDir, port, throwaway: false, log);
        }
        var pg = new EmbeddedPostgres(bin, dataDir, FreePort(), throwaway: false, log);
        await pg.StartAsync(fsync: true, ct);
        return pg;
    }

    /// <summary>Starts a throwaway cluster in a new temporary directory, with fsync off; removed on dispose.</summary>
    public static async Task<EmbeddedPostgres> StartThrowawayAsync(Action<string> log, CancellationToken ct = default)
    {
        var bin = FindBinaries() ?? throw new EmbeddedPostgresException(MissingBinariesMessage);
        var dir = Path.Combine(Path.GetTempPath(), "portal-pg-" + Guid.NewGuid().ToString("N")[..12]);
        await EnsureClusterAsync(bin, dir, fsync: false, log, ct);
        var pg = new EmbeddedPostgres(bin, dir, FreePort(), throwaway: true, log);
        await pg.StartAsync(fsync: false, ct);
        return pg;
    }

    /// <summary>As root the server runs as the postgres user, who cannot enter e.g. /root (mode 700). A clone under
    /// such a folder gets its cluster under /var/tmp instead, keyed by the requested path so it is found again.</summary>
    private static string ReachableDataDirectory(string dataDir, Action<string> log)
    {
        if (!IsRoot || PostgresCanReach(Path.GetDirectoryName(dataDir)!)) return dataDir;
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDir)))[..12].ToLowerInvariant();
        var fallback = Path.Combine("/var/tmp", "portal-postgres-" + key);
        log($"Người dùng postgres không vào được {dataDir}; dùng {fallback} (the postgres user cannot reach the folder; using {fallback}).");
        return fallback;
    }

    private static bool PostgresCanReach(string dir)
    {
        // Walk up to the first existing ancestor: postgres must be able to traverse every parent of the data directory.
        var existing = new DirectoryInfo(dir);
        while (!existing.Exists && existing.Parent is not null) existing = existing.Parent;
        var check = Process.Start(new ProcessStartInfo("runuser", ["-u", "postgres", "--", "test", "-x", existing.FullName]) { UseShellExecute = false })!;
        check.WaitForExit();
        return check.ExitCode == 0;
    }

    private static async Task EnsureClusterAsync(string bin, string dataDir, bool fsync, Action<string> log, CancellationToken ct)
    {
        if (File.Exists(Path.Combine(dataDir, "PG_VERSION"))) return;
        log($"Tạo cụm PostgreSQL mới tại {dataDir} (creating a new cluster)...");
        Directory.CreateDirectory(dataDir);
        GiveToPostgresUser(dataDir);
        var args = new List<string> { "-D", dataDir, "-E", "UTF8", "--locale=C.UTF-8", "-A", "trust", "-U", Superuser };
        if (!fsync) args.Add("--no-sync");
        var result = await RunAsync(Path.Combine(bin, "initdb"), args, ct);
        if (result.ExitCode != 0)
            throw new EmbeddedPostgresException($"initdb failed ({result.ExitCode}): {result.Output}");
    }

    private async Task StartAsync(bool fsync, CancellationToken ct)
    {
        var pid = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pid))
        {
            // pg_ctl status said it is not running: the pid file is left from a crash. PostgreSQL would
            // refuse to start if the recorded pid now belongs to another process, so remove it.
            _log("Xoá postmaster.pid cũ sau lần tắt đột ngột (removing a stale postmaster.pid).");
            File.Delete(pid);
        }
        var log = Path.Combine(DataDirectory, "server.log");
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200";
        if (!fsync) options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var result = await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", DataDirectory, "-o", options, "-l", log, "-w", "-t", "60", "start"], ct);
        if (result.ExitCode != 0)
        {
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(10)) : "";
            throw new EmbeddedPostgresException($"pg_ctl start failed ({result.ExitCode}): {result.Output}\n{tail}");
        }
        _log($"PostgreSQL chạy trên 127.0.0.1:{Port} (data: {DataDirectory}).");
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
        if (_throwaway)
        {
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Synchronous stop for process-exit handlers, where async work may not finish.</summary>
    public void Stop() => StopAsync().GetAwaiter().GetResult();

    /// <summary>Creates <paramref name="database"/> if missing.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", database);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
        await create.ExecuteNonQueryAsync(ct);
    }

    private static int? RunningPort(string bin, string dataDir)
    {
        var pidFile = Path.Combine(dataDir, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var status = RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", dataDir, "status"], CancellationToken.None).GetAwaiter().GetResult();
        if (status.ExitCode != 0) return null;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length <= 3 || !int.TryParse(lines[3], out var port)) return null;
        // The recorded pid may now belong to some other process of the postgres user: believe only a listening port.
        try
        {
            using var probe = new TcpClient();
            probe.Connect(IPAddress.Loopback, port);
            return port;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot => Environment.UserName == "root" || (OperatingSystem.IsLinux() && geteuid() == 0);

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();

    /// <summary>PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres OS user.</summary>
    private static void GiveToPostgresUser(string dir)
    {
        if (!IsRoot) return;
        var chown = Process.Start(new ProcessStartInfo("chown", ["-R", "postgres:postgres", dir]) { UseShellExecute = false })!;
        chown.WaitForExit();
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private sealed record RunResult(int ExitCode, string Output);

    private static async Task<RunResult> RunAsync(string exe, IReadOnlyList<string> args, CancellationToken ct)
    {
        var start = IsRoot ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", exe, .. args]) : new ProcessStartInfo(exe, args);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // The server must outlive neither its parent's terminal signals nor inherit our stdin.
        start.RedirectStandardInput = true;
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start) ?? throw new EmbeddedPostgresException($"could not start {exe}");
        process.StandardInput.Close();
        // pg_ctl start leaves the server holding our stdout/stderr pipes if we wait for EOF: read with a bound.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(2000, ct)) is var done && stdout.IsCompleted && stderr.IsCompleted
            ? (stdout.Result + stderr.Result).Trim()
            : "";
        return new RunResult(process.ExitCode, output);
    }
}

public sealed class EmbeddedPostgresException(string message) : Exception(message);
