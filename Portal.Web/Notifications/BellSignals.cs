namespace Portal.Web.Notifications;

/// <summary>
/// In-process fan-out of "this key changed" to the pages open on this node that watch it. The
/// <see cref="NotificationListener"/> feeds it from PostgreSQL NOTIFY, so a change made on any node reaches every page.
/// Callbacks run on the thread pool: a slow circuit never holds up the listener or other circuits.
/// </summary>
public abstract class SignalHub(ILogger log)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Subscription>> _byUser = [];

    /// <summary>Calls <paramref name="onChanged"/> whenever <paramref name="userId"/>'s notifications change, until disposed.</summary>
    public IDisposable Subscribe(string userId, Func<Task> onChanged)
    {
        var subscription = new Subscription(this, userId, onChanged);
        lock (_gate)
        {
            if (!_byUser.TryGetValue(userId, out var list)) _byUser[userId] = list = [];
            list.Add(subscription);
        }
        return subscription;
    }

    /// <summary>How many bells are open on this node (for diagnostics and tests).</summary>
    public int Count
    {
        get { lock (_gate) return _byUser.Values.Sum(l => l.Count); }
    }

    /// <summary>Starts the callbacks of one person's bells and returns at once; the task completes when they have run.</summary>
    public Task Signal(string userId)
    {
        Subscription[] targets;
        lock (_gate) targets = _byUser.TryGetValue(userId, out var list) ? [.. list] : [];
        return Run(targets);
    }

    /// <summary>Every bell re-counts: after the listener reconnects, signals sent while it was away are lost.</summary>
    public Task SignalAll()
    {
        Subscription[] targets;
        lock (_gate) targets = [.. _byUser.Values.SelectMany(l => l)];
        return Run(targets);
    }

    private Task Run(Subscription[] targets) =>
        targets.Length == 0 ? Task.CompletedTask : Task.WhenAll(targets.Select(s => Task.Run(() => Invoke(s))));

    private async Task Invoke(Subscription subscription)
    {
        try
        {
            await subscription.OnChanged();
        }
        catch (Exception e)
        {
            // A closed circuit or a failing count must not stop other bells.
            log.LogWarning(e, "A live page failed to refresh for {Key}", subscription.UserId);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            if (!_byUser.TryGetValue(subscription.UserId, out var list)) return;
            list.Remove(subscription);
            if (list.Count == 0) _byUser.Remove(subscription.UserId);
        }
    }

    private sealed class Subscription(SignalHub owner, string userId, Func<Task> onChanged) : IDisposable
    {
        public string UserId { get; } = userId;
        public Func<Task> OnChanged { get; } = onChanged;
        public void Dispose() => owner.Remove(this);
    }
}

/// <summary>"This person's notifications changed" (key: user id), for the bells.</summary>
public sealed class BellSignals(ILogger<BellSignals> log) : SignalHub(log);

/// <summary>"This conference's live view changed" (key: conference id), for the conference pages and the host screen.</summary>
public sealed class ConferenceSignals(ILogger<ConferenceSignals> log) : SignalHub(log);
