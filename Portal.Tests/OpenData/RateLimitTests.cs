using System.Net;
using Microsoft.AspNetCore.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.OpenData;

/// <summary>Per-IP limits on the API and search: over the limit the answer is 429 with Retry-After; other pages are not limited.</summary>
public class RateLimitTests(RateLimitTests.Site site) : IClassFixture<RateLimitTests.Site>
{
    public sealed class Site : PortalWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:PermitsPerWindow", "3");
            builder.UseSetting("RateLimits:WindowSeconds", "3600");
        }
    }

    [Fact]
    public async Task ShouldRefuseTheFourthCallWithinTheWindow()
    {
        var client = site.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/units")).StatusCode);
        var refused = await client.GetAsync("/tim-kiem?q=sat+lo");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/quyen-rieng-tu")).StatusCode);
    }
}
