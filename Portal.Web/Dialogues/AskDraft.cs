using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Portal.Web.Dialogues;

/// <summary>What the browser kept of an unsent question (wwwroot/js/ask-draft.js).</summary>
public sealed record SavedDraft(string? Text, string? RequestId);

/// <summary>
/// The ask form's draft in the browser's sessionStorage: saved by the browser on every keystroke, read back when the form
/// becomes interactive again (after a dropped circuit and a reload), and reset after a question was created.
/// </summary>
public sealed class AskDraft(IJSRuntime js, int conferenceId) : IAsyncDisposable
{
    private IJSObjectReference? module;
    private string Key => $"portal.ask.{conferenceId}";

    /// <summary>Starts saving the text typed inside <paramref name="form"/>; returns what was saved before, if anything.</summary>
    public async Task<SavedDraft?> StartAsync(ElementReference form, Guid requestId)
    {
        try
        {
            module = await js.InvokeAsync<IJSObjectReference>("import", "./js/ask-draft.js");
            return module is null ? null : await module.InvokeAsync<SavedDraft?>("start", form, Key, requestId.ToString());
        }
        catch (JSException)
        {
            return null; // storage disabled (private mode on some phones): the form works, it just keeps nothing
        }
    }

    /// <summary>The question was created: forget its text, remember the next form's request id.</summary>
    public async Task RestartAsync(Guid nextRequestId)
    {
        if (module is null) return;
        try
        {
            await module.InvokeVoidAsync("restart", Key, nextRequestId.ToString());
        }
        catch (JSDisconnectedException)
        {
            // the circuit went away right after the question was stored; the draft is cleared by the next success
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (module is null) return;
        try
        {
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // the page is gone with its module
        }
    }
}
