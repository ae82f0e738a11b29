using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Tests.Notifications;

/// <summary>A local stand-in for SendGrid's v3 API on loopback: answers each POST /v3/mail/send with the next
/// scripted response (status, Retry-After), then 202 with an X-Message-Id. Records what it accepted.</summary>
public sealed class SendGridStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, int? RetryAfterSeconds)> _script = new();
    private int _accepted;

    private SendGridStub(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";
    public ConcurrentBag<string> AcceptedBodies { get; } = [];
    public int Requests;

    public static async Task<SendGridStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new SendGridStub(app);
        app.MapPost("/v3/mail/send", async (HttpContext context) =>
        {
            Interlocked.Increment(ref stub.Requests);
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            if (stub._script.TryDequeue(out var scripted))
            {
                if (scripted.RetryAfterSeconds is int seconds) context.Response.Headers.RetryAfter = seconds.ToString();
                return Results.StatusCode(scripted.Status);
            }
            stub.AcceptedBodies.Add(body);
            context.Response.Headers["X-Message-Id"] = $"sg-{Interlocked.Increment(ref stub._accepted)}";
            return Results.StatusCode(202);
        });
        await app.StartAsync();
        stub.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return stub;
    }

    public void Then(int status, int? retryAfterSeconds = null) => _script.Enqueue((status, retryAfterSeconds));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
