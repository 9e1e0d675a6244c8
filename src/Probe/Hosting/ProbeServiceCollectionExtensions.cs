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
        builder.Services.AddOptions<ProbeOptions>()
            .Bind(builder.Configuration.GetSection(ProbeOptions.Section))
            .PostConfigure(o => o.ApplyDefaults())
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProbeOptions>, ProbeOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<MqttClientFactory>(sp =>
            options => new MosquittoClient(options, sp.GetService<ILogger<MosquittoClient>>()));
        builder.Services.AddHostedService<ProbeWorker>();

        return builder;
    }
}
