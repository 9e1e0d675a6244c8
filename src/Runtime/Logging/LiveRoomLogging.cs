using LiveRoom.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Json;

namespace LiveRoom.Runtime.Logging;

/// <summary>
/// Serilog for every LiveRoom host: console (compact JSON when running under systemd, whose journal
/// stores one object per line) and a daily rolling file. The levels of the <c>Serilog</c> configuration section
/// (<see cref="LogLevelSettings"/>) apply on top; a setting it refuses stops the host at start with one line naming
/// it (<see cref="HostRunner"/>, exit code 2).
/// </summary>
public static class LiveRoomLogging
{
    /// <summary>Configuration key of the log file directory (default: $LOGS_DIRECTORY from systemd, else ./logs).</summary>
    public const string DirectoryKey = "Logging:Directory";

    public static IHostApplicationBuilder AddLiveRoomLogging(this IHostApplicationBuilder builder)
    {
        var appName = builder.Environment.ApplicationName;
        var directory = builder.Configuration[DirectoryKey]
            ?? Environment.GetEnvironmentVariable("LOGS_DIRECTORY")
            ?? Path.Combine(Environment.CurrentDirectory, "logs");
        var underSystemd = Environment.GetEnvironmentVariable("INVOCATION_ID") is not null
            || Environment.GetEnvironmentVariable("JOURNAL_STREAM") is not null;

        var config = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("app", appName);
        config = underSystemd
            ? config.WriteTo.Console(new JsonFormatter(renderMessage: true), standardErrorFromLevel: null)
            : config.WriteTo.Console(
                outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        config = config.WriteTo.File(
            new JsonFormatter(renderMessage: true),
            Path.Combine(directory, appName + "-.log"),
            rollingInterval: RollingInterval.Day,
            retainedFileCountLimit: 14,
            fileSizeLimitBytes: 100L * 1024 * 1024,
            rollOnFileSizeLimit: true);
        var problems = LogLevelSettings.Apply(builder.Configuration, config);
        builder.Services.AddOptions<LoggingSettingsCheck>()
            .Validate(_ => problems.Count == 0, string.Join("; ", problems))
            .ValidateOnStart();

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(config.CreateLogger(), dispose: true);

        // A refused configuration is reported as one line by HostRunner; the host's own "failed to start" entry
        // would repeat it with a stack trace. (Serilog's provider carries its own catch-all rule, so the filter
        // must name it to take precedence.)
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Logging.AddFilter<SerilogLoggerProvider>("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        return builder;
    }
}

/// <summary>Carries no settings: its start-up validation reports what <see cref="LogLevelSettings"/> refused.</summary>
public sealed class LoggingSettingsCheck;
