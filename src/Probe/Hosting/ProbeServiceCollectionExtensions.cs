using LiveRoom.Mqtt;
using LiveRoom.Runtime.Hosting.Watchdog;
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
        // systemd's watchdog (decision 0028): the stream monitor's sampling step, once a second whether the stream is up
        // or down, must keep reaching the outbox.
        builder.Services.AddSingleton(sp => new LoopBeacon("the stream monitor's sampling", ProbeDefaults.SampleInterval, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ILivenessCheck>(sp => sp.GetRequiredService<LoopBeacon>());
        builder.Services.AddHostedService<ProbeWorker>();

        return builder;
    }
}
