using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Portal.Domain.Deadlines;
using Portal.Domain.Units;

namespace Portal.Web.Hosting;

public static class Startup
{
    public static bool SeedsDemoData(WebApplication app) =>
        app.Configuration.GetValue("Portal:SeedDemoData", app.Environment.IsDevelopment());

    public static async Task SeedAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UnitService>().EnsureCountryAsync();
        await scope.ServiceProvider.GetRequiredService<DeadlineService>().SeedAsync();
        if (SeedsDemoData(app))
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoDialogues>().SeedAsync();
            // The demo's words for typo correction at once, not only after the first nightly run.
            await scope.ServiceProvider.GetRequiredService<Portal.Domain.Search.SearchService>().RefreshWordsAsync();
            await scope.ServiceProvider.GetRequiredService<DemoDrafts>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoCampaigns>().SeedAsync();
        }
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureAsync();
    }

    public static void PrintWelcome(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("Cổng đối thoại đang chạy (Portal is running):");
        foreach (var address in addresses) Console.WriteLine($"  {address}");
        if (SeedsDemoData(app))
        {
            Console.WriteLine($"Tài khoản thử (demo accounts), mật khẩu / password: {DemoData.Password}");
            foreach (var account in DemoData.Accounts) Console.WriteLine($"  {account.Email,-24} {account.Role}");
        }
        Console.WriteLine("Nhấn Ctrl+C để dừng (Ctrl+C stops the portal and its database).");
    }
}
