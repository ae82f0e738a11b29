using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Web.Hosting;

namespace Portal.Tests.Hosting;

/// <summary>The Proxy:* settings; their effect on real requests is in <see cref="TwoNodesTests"/>.</summary>
public sealed class ScaleOutTests
{
    private static IServiceCollection Configure(params (string Key, string Value)[] settings) =>
        new ServiceCollection().AddScaleOut(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void ShouldTrustTheListedProxiesBesideLoopback()
    {
        var options = Configure(("Proxy:Enabled", "true"), ("Proxy:KnownProxies:0", "10.0.0.10"))
            .BuildServiceProvider().GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Contains(IPAddress.Parse("10.0.0.10"), options.KnownProxies);
        Assert.Contains(IPAddress.IPv6Loopback, options.KnownProxies);
    }

    [Fact]
    public void ShouldRefuseToStartWithAProxyThatIsNotAnAddress()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Configure(("Proxy:Enabled", "true"), ("Proxy:KnownProxies:0", "nginx.local")));

        Assert.Contains("nginx.local", error.Message);
    }
}
