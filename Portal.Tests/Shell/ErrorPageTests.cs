using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Shell;

public class ErrorPageTests(ErrorPageTests.Factory factory) : IClassFixture<ErrorPageTests.Factory>
{
    /// <summary>The portal plus one route that fails, at the end of the pipeline like any real page would.</summary>
    public sealed class Factory : PortalWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, FailingRoute>());
        }

        private sealed class FailingRoute : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Map("/boom", b => b.Run(_ => throw new InvalidOperationException("secret stack detail")));
            };
        }
    }

    [Fact]
    public async Task ShouldShowAFriendlyPageWithARequestIdAndNoStackTrace()
    {
        var response = await factory.CreateClient().GetAsync("/boom");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Đã có lỗi xảy ra", html);
        Assert.Contains("mã yêu cầu", html);
        Assert.DoesNotContain("secret stack detail", html);
        Assert.DoesNotContain("InvalidOperationException", html);
    }
}
