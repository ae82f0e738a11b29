using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Units;
using Hangfire;
using Portal.Jobs;
using Portal.Web.Accounts;
using Portal.Web.Attachments;
using Portal.Web.Hosting;
using Portal.Web.Notifications;
using Portal.Web.OpenData;
using Portal.Web.Shell;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = WebRoot.Find(Directory.GetCurrentDirectory()),
});

PortalDatabase database;
try
{
    database = await PortalDatabase.OpenAsync(builder.Configuration, builder.Environment.ContentRootPath);
}
catch (EmbeddedPostgresException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

builder.Services.AddSingleton(database);
builder.Services.AddPortalData(database.ConnectionString, builder.Configuration)
    .AddPortalEmail(builder.Configuration, PortalDatabase.RepositoryRoot(builder.Environment.ContentRootPath))
    .AddPortalJobs(database.ConnectionString, runServer: builder.Configuration.GetValue("Jobs:RunInWeb", true));
builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext());
builder.Services.AddSingleton<UnitService>();
builder.Services.AddSingleton<AgencyService>();
builder.Services.AddSingleton<AccountService>();
builder.Services.AddSingleton<Portal.Domain.Deadlines.DeadlineService>();
builder.Services.AddSingleton<Portal.Domain.Dialogues.DialogueService>();
builder.Services.AddSingleton<Portal.Domain.Dialogues.RoutingService>();
builder.Services.AddSingleton<Portal.Domain.Dialogues.LiveReader>();
builder.Services.AddSingleton<Portal.Domain.Dialogues.CommitmentReader>();
builder.Services.AddSingleton<Portal.Domain.Notifications.OutboxService>();
builder.Services.AddNotifications();
builder.Services.AddSingleton<Portal.Domain.Dialogues.DialogueReader>();
builder.Services.AddSingleton<Portal.Domain.Dialogues.StaffDialogueReader>();
builder.Services.AddSingleton(sp => new Portal.Domain.Dialogues.AbuseService(sp.GetRequiredService<IDbContextFactory<PortalDb>>(),
    sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Portal.Domain.PortalLinks>(),
    sp.GetRequiredService<IConfiguration>().GetValue("Moderation:HideAfterReports", 3)));
// Accountability: search over every pillar's registered sources (in JobsSetup), open data, statistics.
builder.Services.AddPortalAccountability();
builder.Services.AddPublicRateLimits(builder.Configuration);
builder.Services.AddSingleton<Portal.Domain.Reports.PublicDataReader>();
builder.Services.AddOpenDataApi();
builder.Services.AddSingleton<Portal.Domain.Reports.AgencyDeadlines>();
// Attachments: the reader asks the access rule registered for each owner kind (features add theirs below).
builder.Services.AddSingleton<Portal.Domain.Attachments.AttachmentReader>();
foreach (var rule in Portal.Domain.Dialogues.DialogueAttachmentAccess.All()) builder.Services.AddSingleton(rule);
builder.Services.AddSingleton<Portal.Domain.Drafts.DraftReader>();
builder.Services.AddSingleton<Portal.Domain.Attachments.IAttachmentAccess, Portal.Domain.Drafts.DraftAttachmentAccess>();
foreach (var rule in Portal.Domain.Campaigns.CampaignAttachmentAccess.All()) builder.Services.AddSingleton(rule);
builder.Services.AddSingleton<Portal.Domain.Campaigns.CampaignService>();
// Scale-out: the Data Protection key ring in the database; forwarded headers when behind a reverse proxy.
builder.Services.AddScaleOut(builder.Configuration);
builder.Services.AddScoped<DemoData>();
builder.Services.AddScoped<DemoDialogues>();
builder.Services.AddScoped<DemoDrafts>();
builder.Services.AddScoped<DemoCampaigns>();
builder.Services.AddScoped<AdminBootstrap>();

builder.Services.AddLocalization();
// Vietnamese letters as themselves in the HTML, not as &#x...; entities: a third of the bytes on a slow phone.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<IdentityRedirectManager>();
builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
builder.Services.AddScoped<CurrentActor>();
builder.Services.AddScoped<LocalityPreference>();

builder.Services.AddAuthentication(options =>
    {
        options.DefaultScheme = IdentityConstants.ApplicationScheme;
        options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
    })
    .AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.LoginPath = "/Account/Login";
    cookie.AccessDeniedPath = "/Account/AccessDenied";
    cookie.Cookie.Name = "portal.auth";
});
builder.Services.AddIdentityCore<PortalUser>(options =>
    {
        options.SignIn.RequireConfirmedAccount = true;
        options.User.RequireUniqueEmail = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.Password.RequiredLength = 8;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
    })
    .AddEntityFrameworkStores<PortalDb>()
    .AddSignInManager()
    .AddDefaultTokenProviders()
    .AddErrorDescriber<VietnameseIdentityErrors>()
    .AddClaimsPrincipalFactory<PortalClaimsFactory>();

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Policies.Staff, p => p.RequireClaim(PortalClaims.Staff))
    .AddPolicy(Policies.Admin, p => p.RequireClaim(PortalClaims.Admin))
    .AddPolicy(Policies.NationalAdmin, p => p.RequireClaim(PortalClaims.NationalAdmin));
builder.Services.AddScoped<IAuthorizationHandler, UnitScopeHandler>();

builder.Services.AddSingleton<IEmailSender<PortalUser>, IdentityEmails>();

builder.Services.AddHealthChecks().AddDbContextCheck<PortalDb>("database", tags: ["ready"]);

// Bound what a disconnected phone keeps alive on the server: circuits are the scarce resource.
builder.Services.Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(o =>
{
    o.DisconnectedCircuitMaxRetained = 200;
    o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
});

var app = builder.Build();

await using (database)
{
    var command = args.FirstOrDefault(a => !a.StartsWith('-'));
    if (command is not null && CommandLine.IsCommand(command))
        return await CommandLine.RunAsync(app.Services, args, Console.Out);

    if (app.Environment.IsDevelopment() || app.Configuration.GetValue("Database:MigrateOnStart", true))
        await PortalDatabase.MigrateAsync(app.Services);
    await Startup.SeedAsync(app);
    JobsSetup.ScheduleRecurringJobs(app.Services.GetRequiredService<IRecurringJobManager>());

    app.UseReverseProxy();
    app.UseRequestLocalization(Cultures.Options);
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseHsts();
    }
    // The top-level wwwroot/ (css, js, images) is plain static files; framework and MudBlazor files are static web assets.
    app.UseStaticFiles();
    // Routing after the plain static files, so that MapStaticAssets' development fallback does not claim them first.
    app.UseRouting();
    app.UseRateLimiter();
    app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseMiddleware<StaffTwoFactorGate>();
    app.UseAntiforgery();
    app.UseJobsDashboard();

    app.MapStaticAssets();
    app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
    app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
    app.MapCultureEndpoint();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    app.MapAdditionalIdentityEndpoints();
    app.MapUnitLookupEndpoints();
    app.MapUnitAuditExport();
    app.MapNotificationEndpoints();
    app.MapOpenDataApi();
    app.MapAgencyDeadlinesExport();
    app.MapAttachments();
    Portal.Web.Dialogues.ConferenceFeedEndpoints.MapConferenceFeed(app);
    Portal.Web.Drafts.DraftEndpoints.MapDraftEndpoints(app);
    Portal.Web.Campaigns.CampaignEndpoints.MapCampaignEndpoints(app);
    Portal.Web.Campaigns.CampaignFeedEndpoints.MapCampaignFeed(app);

    app.Lifetime.ApplicationStarted.Register(() => Startup.PrintWelcome(app));
    await app.RunAsync();
}
return 0;

public partial class Program;
