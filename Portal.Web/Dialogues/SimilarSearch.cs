using Portal.Domain.Dialogues;

namespace Portal.Web.Dialogues;

/// <summary>While a resident types: after a pause (~400 ms), the conference's questions that look alike and that the
/// resident may see. A newer keystroke cancels the search still waiting.</summary>
public sealed class SimilarSearch(DialogueService dialogues, DialogueReader reader, TimeProvider clock, int conferenceId, string? viewerId,
    Func<Task> changed) : IDisposable
{
    private CancellationTokenSource? typing;

    public IReadOnlyList<SimilarQuestion> Items { get; private set; } = [];

    public void Typed(string text)
    {
        typing?.Cancel();
        typing = new CancellationTokenSource();
        _ = FindAsync(text, typing.Token);
    }

    public void Clear()
    {
        typing?.Cancel();
        Items = [];
    }

    public void Dispose() => typing?.Cancel();

    private async Task FindAsync(string typed, CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400), clock, ct);
            var found = await dialogues.SimilarAsync(conferenceId, typed, ct);
            var visible = await reader.VisibleAsync(conferenceId, found.Select(f => f.Id), viewerId, ct);
            ct.ThrowIfCancellationRequested();
            Items = found.Where(f => visible.Contains(f.Id)).ToList();
            await changed();
        }
        catch (OperationCanceledException)
        {
            // a newer keystroke took over
        }
    }
}
