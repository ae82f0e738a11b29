using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Data;

namespace Portal.Web.Hosting;

/// <summary>
/// What lets several web nodes serve one portal (docs/deploy.md): one Data Protection key ring in the database under
/// one application name, and, when <c>Proxy:Enabled</c> says a reverse proxy sits in front, the client's scheme and
/// address taken from X-Forwarded-Proto / X-Forwarded-For (only from the proxies listed, loopback always).
/// </summary>
public static class ScaleOut
{
    /// <summary>The Data Protection application name: nodes with the same name and key ring read each other's cookies.</summary>
    public const string ApplicationName = "Portal";

    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new DatabaseKeyRing(sp.GetRequiredService<IDbContextFactory<PortalDb>>())));

        if (BehindProxy(configuration))
        {
            // Parsed here, so that a mistyped address stops the start-up instead of failing every request.
            var proxies = (configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
                .Select(p => IPAddress.TryParse(p, out var address) ? address
                    : throw new InvalidOperationException($"Proxy:KnownProxies: '{p}' không phải địa chỉ IP (is not an IP address)."))
                .ToList();
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            });
        }
        return services;
    }

    /// <summary>Creates the first key when migrating (at deploy), so that nodes started together never each make their
    /// own and briefly reject each other's cookies. Later keys are made ahead of expiry by Data Protection itself.</summary>
    public static void EnsureKeyRing(IServiceProvider services)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
            keys.CreateNewKey(now, now + services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime);
    }

    /// <summary>First in the pipeline: everything after it (HSTS, secure cookies, rate limits, logs) sees the client.</summary>
    public static void UseReverseProxy(this WebApplication app)
    {
        if (BehindProxy(app.Configuration)) app.UseForwardedHeaders();
    }

    private static bool BehindProxy(IConfiguration configuration) => configuration.GetValue("Proxy:Enabled", false);
}
