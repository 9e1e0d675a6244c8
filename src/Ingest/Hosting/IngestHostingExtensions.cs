using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Options;
using LiveRoom.Mqtt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveRoom.Ingest.Hosting;

/// <summary>Wiring of the collector host (STYLE.md rule 5).</summary>
public static class IngestHostingExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> used for InfluxDB.</summary>
    public const string InfluxHttpClient = "influx";

    /// <summary>
    /// Binds <see cref="IngestOptions"/> from the <c>Ingest</c> section (appsettings.json, environment
    /// <c>Ingest__Influx__Url</c>, command line <c>--Ingest:Influx:Url=…</c>), validates them at start and runs the collector.
    /// </summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IngestOptions>()
            .Bind(builder.Configuration.GetSection(IngestDefaults.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        builder.Services.AddHttpClient(InfluxHttpClient, http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            return new Collector(
                sp.GetRequiredService<IOptions<IngestOptions>>().Value,
                o => new MosquittoClient(o, loggers.CreateLogger<MosquittoClient>()),
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(InfluxHttpClient),
                loggers,
                sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddHostedService<IngestHostedService>();

        // A bad setting ends the process with one line from HostRunner; the host's own error log would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Logging.AddFilter<Serilog.Extensions.Logging.SerilogLoggerProvider>("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        return builder;
    }
}
