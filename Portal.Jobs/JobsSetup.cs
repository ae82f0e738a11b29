using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;
using Portal.Domain.Dialogues;
using Portal.Jobs.Dialogues;
using Portal.Jobs.Deadlines;
using Portal.Domain.Notifications;
using Portal.Jobs.Notifications;

namespace Portal.Jobs;

/// <summary>What both hosts (the web app and the worker-only host) register: data, email delivery, Hangfire and the jobs.</summary>
public static class JobsSetup
{
    public const string HangfireSchema = "hangfire";
    public static readonly TimeZoneInfo VietnamTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static IServiceCollection AddPortalData(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        services.AddDbContextFactory<PortalDb>(options => PortalDb.Configure(options, connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new Portal.Domain.PortalLinks(configuration["Portal:BaseUrl"] ?? "http://localhost:5080"));
        return services;
    }

    /// <summary>Email goes to SendGrid when Email:SendGrid:ApiKey is set, else to .eml files in the pickup directory.</summary>
    public static IServiceCollection AddPortalEmail(this IServiceCollection services, IConfiguration configuration, string baseDirectory)
    {
        var email = configuration.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions();
        email.PickupDirectory = Path.GetFullPath(email.PickupDirectory, baseDirectory);
        services.AddSingleton(email);
        if (!string.IsNullOrWhiteSpace(email.SendGrid.ApiKey))
            services.AddHttpClient<IEmailSender, SendGridEmailSender>();
        else
            services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddTransient<DispatchOutboxJob>();
        services.AddSingleton<DeadlineSweep>();
        services.AddSingleton<WindowCloser>();
        services.AddTransient<CloseQuestionWindowsJob>();
        services.AddTransient<DeadlineSweepJob>();
        // Drafts: the close job at each window's instant, the sweep every minute, and the service that schedules it.
        services.AddSingleton<Portal.Domain.Drafts.IDraftScheduler, Drafts.HangfireDraftScheduler>();
        services.AddSingleton(sp => new Portal.Domain.Drafts.DraftService(sp.GetRequiredService<IDbContextFactory<PortalDb>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Portal.Domain.PortalLinks>(), sp.GetRequiredService<Portal.Domain.Drafts.IDraftScheduler>(),
            configuration.GetValue("Moderation:HideAfterReports", 3)));
        services.AddTransient<Drafts.CloseDraftWindowJob>();
        services.AddTransient<Drafts.CompileDueDraftsJob>();
        services.AddSingleton<Portal.Domain.Campaigns.CampaignReader>(); // also read by the campaign pages
        services.AddSingleton<Portal.Domain.Campaigns.WeeklyCampaignSummary>();
        services.AddTransient<Campaigns.WeeklyCampaignSummaryJob>();
        return services;
    }

    /// <summary>Notifications and the daily digest, for both hosts.</summary>
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationService>();
        services.AddSingleton<DigestService>();
        services.AddTransient<DailyDigestJob>();
        return services;
    }

    /// <summary>Accountability, for both hosts: search over every pillar's registered sources and its nightly word
    /// dictionary job; the dashboard's figure providers and its nightly snapshot. A pillar plugs in by registering its
    /// <see cref="Portal.Domain.Search.ISearchSource"/>s and its <see cref="Portal.Domain.Reports.IFigureProvider"/> here.</summary>
    public static IServiceCollection AddPortalAccountability(this IServiceCollection services)
    {
        services.AddSingleton<Portal.Domain.Search.SearchService>();
        foreach (var source in Portal.Domain.Search.DialogueSearch.Sources())
            services.AddSingleton(source);
        foreach (var source in Portal.Domain.Search.CampaignSearch.Sources())
            services.AddSingleton(source);
        foreach (var source in Portal.Domain.Search.DraftSearch.Sources()) services.AddSingleton(source);
        services.AddTransient<Search.RefreshSearchWordsJob>();
        services.AddSingleton<Portal.Domain.Reports.IFigureProvider, Portal.Domain.Reports.DialogueFigures>();
        services.AddSingleton<Portal.Domain.Reports.IFigureProvider, Portal.Domain.Reports.DraftFigures>();
        services.AddSingleton<Portal.Domain.Reports.IFigureProvider, Portal.Domain.Reports.CampaignFigures>();
        services.AddSingleton<Portal.Domain.Reports.StatisticsService>();
        services.AddTransient<Reports.StatisticsSnapshotJob>();
        return services;
    }

    /// <summary>Hangfire on the portal's own database (schema "hangfire"); the server only where this host runs jobs.</summary>
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, string connectionString, bool runServer)
    {
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = HangfireSchema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(5),
            }));
        if (runServer)
            services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        return services;
    }

    /// <summary>Registers the recurring jobs with stable ids, in Vietnam's time zone.</summary>
    public static void ScheduleRecurringJobs(IRecurringJobManager jobs)
    {
        var options = new RecurringJobOptions { TimeZone = VietnamTime };
        jobs.AddOrUpdate<DispatchOutboxJob>("outbox-dispatch", job => job.Run(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<DeadlineSweepJob>("deadline-sweep", job => job.Run(CancellationToken.None), "*/10 * * * *", options);
        jobs.AddOrUpdate<CloseQuestionWindowsJob>("close-question-windows", job => job.Run(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<Drafts.CompileDueDraftsJob>("compile-due-drafts", job => job.Run(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<DailyDigestJob>("daily-digest", job => job.Run(CancellationToken.None), "0 7 * * *", options);
        jobs.AddOrUpdate<Search.RefreshSearchWordsJob>("search-words", job => job.Run(CancellationToken.None), "0 2 * * *", options);
        jobs.AddOrUpdate<Reports.StatisticsSnapshotJob>("statistics-snapshot", job => job.Run(CancellationToken.None), "30 2 * * *", options);
        jobs.AddOrUpdate<Campaigns.WeeklyCampaignSummaryJob>("campaign-weekly-summary", job => job.Run(CancellationToken.None), "0 7 * * 1", options);
    }
}
