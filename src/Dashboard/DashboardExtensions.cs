using LiveRoom.Dashboard.Alerting;
using LiveRoom.Dashboard.Collectors;
using LiveRoom.Dashboard.Evidence;
using LiveRoom.Dashboard.Health;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Lifecycle;
using LiveRoom.Dashboard.Mqtt;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Reports;
using LiveRoom.Dashboard.Rooms;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Schedules.Import;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Dashboard.Series;
using LiveRoom.Dashboard.Users;
using LiveRoom.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

using Serilog.Extensions.Logging;

namespace LiveRoom.Dashboard;

/// <summary>The dashboard's wiring: <c>builder.AddDashboard()</c> and <c>app.MapDashboard()</c>.</summary>
public static class DashboardExtensions
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>()
            .Bind(builder.Configuration.GetSection(DashboardDefaults.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        // The anti-forgery keys are kept unencrypted in the service's owner-only directory on purpose
        // (SecurityExtensions.KeyDirectory, README): not a warning on every start, which a technician would chase. For the
        // service's Serilog and for any other provider a host adds (a benchmark's console).
        builder.Logging.AddFilter<SerilogLoggerProvider>("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Localize);
        services.AddUnreadableRequestProblems();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, DashboardJsonContext.Default));
        services.AddOpenApi();

        services.AddHttpClient<InfluxQueryClient>((sp, http) =>
        {
            var influx = sp.GetRequiredService<IOptions<DashboardOptions>>().Value.Influx;
            http.BaseAddress = influx.BaseAddress(); // checked at start (DashboardOptionsValidator)
            http.Timeout = influx.QueryTimeout;
        });
        services.AddTransient<LiveRoomsQuery>();
        services.AddSingleton<LiveRoomsSnapshot>(); // one wall query per push interval for every screen
        services.AddTransient<RoomSeriesQuery>();
        services.AddTransient<ComplianceQuery>();
        services.AddTransient<ShowReportQuery>();
        services.AddTransient<IncidentsClient>();
        services.AddHttpClient<CollectorAdminClient>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<RollupMaintainer>();
        services.AddSingleton<OpenAlertsWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<OpenAlertsWatch>());
        services.AddDashboardSecurity();

        // Issue 6: sites, rooms and shows in the store; schedules pushed to edges, room states read back over MQTT.
        services.AddHttpContextAccessor();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<ScheduleImporter>();
        services.AddScoped<ScheduleApiContext>();
        services.AddSingleton<SchedulePublisher>();
        services.AddSingleton<IScheduleChanges>(sp => sp.GetRequiredService<SchedulePublisher>());
        services.AddSingleton<RoomStateCache>();
        services.AddSingleton<Collectors.CollectorStatusCache>();
        services.AddSingleton<EdgeLink>();
        services.AddHostedService(sp => sp.GetRequiredService<EdgeLink>());
        services.AddTransient<ChecklistQuery>();

        // Issue 5: evidence thumbnails and framing references (own MQTT session, own options Dashboard:Evidence).
        services.AddEvidence(builder.Configuration);
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseUnreadableRequestProblems();

        // The page ships inside the assembly: it is found wherever the dll runs (bin, out/, /opt/liveroom).
        // Pages and scripts hold no data and are served to anyone; every byte of data comes from the API, behind sign-in.
        var files = new EmbeddedFileProvider(typeof(DashboardExtensions).Assembly, "LiveRoom.Dashboard.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthApi();
        app.MapAuthApi();
        app.MapRoomsApi();
        app.MapCollectorApi();
        app.MapReportsApi();
        app.MapUsersApi();
        app.MapAlertingApi();
        app.MapOpenAlertsApi();
        app.MapAuditApi();
        app.MapSitesApi();
        app.MapLifecycleApi();
        app.MapEvidence();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Runs until stopped; a bad setting, or an address already in use, ends it with one line on stderr and
    /// exit code 2 or 3 (issue 2, "Bad input").
    /// </summary>
    public static async Task<int> RunDashboardAsync(this WebApplication app, string appName)
    {
        try
        {
            return await app.RunLiveRoomAsync(appName);
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"{appName}: {ex.Message} Choose another with --urls or ASPNETCORE_URLS.");
            return HostRunner.StartupError;
        }
    }
}
