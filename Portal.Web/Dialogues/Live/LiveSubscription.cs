using Portal.Web.Notifications;

namespace Portal.Web.Dialogues.Live;

/// <summary>A page's subscription to one conference's live changes: reloads through <paramref name="reload"/> on the
/// circuit's dispatcher. Created only once the page is interactive; disposed with the page.</summary>
public static class LiveSubscription
{
    public static IDisposable Watch(ConferenceSignals signals, int conferenceId, Func<Func<Task>, Task> invokeAsync, Func<Task> reload) =>
        signals.Subscribe(conferenceId.ToString(), () => invokeAsync(reload));
}
