using Npgsql;
using Portal.Domain.Dialogues;
using Portal.Domain.Notifications;
using Portal.Web.Hosting;

namespace Portal.Web.Notifications;

/// <summary>
/// Holds one dedicated connection that LISTENs on <see cref="NotificationService.Channel"/> (payload: a user id) and
/// <see cref="DialogueService.LiveChannel"/> (payload: a conference id): every NOTIFY, sent at commit by any node or the
/// worker host, wakes the bells (<see cref="BellSignals"/>) or the live conference pages (<see cref="ConferenceSignals"/>)
/// open on this node. Reconnects with a short backoff when the connection drops; then every bell re-counts,
/// since signals sent meanwhile are lost.
/// </summary>
public sealed class NotificationListener(PortalDatabase database, BellSignals signals, ConferenceSignals conferences, ILogger<NotificationListener> log) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private TaskCompletionSource _listening = NewSignal();

    /// <summary>Completes once the connection is listening (again, after a drop).</summary>
    public Task Listening => Volatile.Read(ref _listening).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        var connectedBefore = false;
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Pooling = false,                                 // dedicated: never handed back to others with LISTEN on it
            KeepAlive = 30,                                  // detects a silently dead connection while waiting
            ApplicationName = "portal-notification-listener",
        }.ConnectionString;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => _ = e.Channel == DialogueService.LiveChannel ? conferences.Signal(e.Payload) : signals.Signal(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {NotificationService.Channel}; LISTEN {DialogueService.LiveChannel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                backoff = TimeSpan.FromMilliseconds(250);
                if (connectedBefore)
                {
                    log.LogInformation("Notification listener reconnected");
                    _ = signals.SignalAll();
                    _ = conferences.SignalAll();
                }
                connectedBefore = true;
                Volatile.Read(ref _listening).TrySetResult();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                if (Listening.IsCompleted) Volatile.Write(ref _listening, NewSignal());
                log.LogWarning(e, "Notification listener lost its connection; retrying in {Backoff}", backoff);
                try
                {
                    await Task.Delay(backoff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
