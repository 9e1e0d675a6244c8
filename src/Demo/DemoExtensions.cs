using LiveRoom.Demo.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiveRoom.Demo;

/// <summary>The demo's wiring: <c>builder.AddDemo(args)</c>.</summary>
public static class DemoExtensions
{
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, DemoOptions.SwitchMappings.ToDictionary(StringComparer.Ordinal));
        if (builder.Configuration[Runtime.Logging.LiveRoomLogging.DirectoryKey] is null)
        {
            var state = builder.Configuration["Demo:StateDirectory"] ?? DemoDefaults.StateDirectory;
            builder.Configuration[Runtime.Logging.LiveRoomLogging.DirectoryKey] = Path.Combine(state, "logs");
        }

        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoDefaults.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DemoSupervisor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoSupervisor>());
        // Stopping every child in order (grace 10 s each tier) can take longer than the default 30 s.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(90));
        return builder;
    }
}
