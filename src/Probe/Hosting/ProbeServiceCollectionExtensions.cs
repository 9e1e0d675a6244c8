using LiveRoom.Mqtt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveRoom.Probe.Hosting;

public static class ProbeServiceCollectionExtensions
{
    /// <summary>
    /// The edge worker: <see cref="ProbeOptions"/> bound from <c>Probe</c> and validated at start, the libmosquitto
    /// client, and the hosted worker. Configure with appsettings.json, environment (<c>Probe__Room</c>) or the command
    /// line (<c>--Probe:Room=room-1</c>).
    /// </summary>
    public static IHostApplicationBuilder AddProbe(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProbeOptions>().Bind(builder.Configuration.GetSection(ProbeOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProbeOptions>, ProbeOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<MqttClientFactory>(sp =>
            options => new MosquittoClient(options, sp.GetService<ILogger<MosquittoClient>>()));
        builder.Services.AddHostedService<ProbeWorker>();

        // A refused configuration is reported as one line by HostRunner; the host's own "failed to start" entry would
        // add the same text with a stack trace. The worker logs its own failures under its own categories.
        // (Serilog's provider carries its own catch-all rule, so the filter must name it to take precedence.)
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Logging.AddFilter<Serilog.Extensions.Logging.SerilogLoggerProvider>("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        return builder;
    }
}
