using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Portal.Jobs;

/// <summary>Worker-only host for scale-out (dotnet run --project Portal.Jobs): runs the Hangfire jobs against the
/// portal's database and serves no pages. A class rather than top-level statements, so that its entry point does not
/// clash with Portal.Web's Program.</summary>
public static class WorkerHost
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine("Cần đặt ConnectionStrings__Portal trỏ tới cơ sở dữ liệu của cổng (the worker needs ConnectionStrings__Portal; it never starts a database of its own).");
            return 1;
        }
        builder.Services.AddPortalData(connectionString, builder.Configuration)
            .AddPortalEmail(builder.Configuration, builder.Environment.ContentRootPath)
            .AddPortalNotifications()
            .AddPortalAccountability()
            .AddPortalJobs(connectionString, runServer: true);
        using var host = builder.Build();
        JobsSetup.ScheduleRecurringJobs(host.Services.GetRequiredService<IRecurringJobManager>());
        await host.RunAsync();
        return 0;
    }
}
