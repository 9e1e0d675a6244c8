using Microsoft.Extensions.Configuration;

namespace LiveRoom.Runtime.Hosting;

/// <summary>
/// The configuration a host's command-line tool reads (<c>users</c>, <c>schedule</c>, <c>backup</c>, <c>restore</c>):
/// the service's own sources — <c>appsettings.json</c> next to the binary, the environment, then the remaining
/// arguments (e.g. <c>--Dashboard:Store:Path=FILE</c>) — so a command finds the same files as the running service.
/// </summary>
public static class CommandConfiguration
{
    public static IConfiguration Build(IEnumerable<string> configurationArguments) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. configurationArguments])
            .Build();
}
