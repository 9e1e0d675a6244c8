using LiveRoom.Dashboard.Options;

namespace LiveRoom.Dashboard.Store;

/// <summary>
/// The configuration store as the command-line tools open it (<c>users</c>, <c>schedule</c>, <c>backup</c>): the same
/// sources as the service — <c>appsettings.json</c> next to the binary, environment, then the remaining arguments
/// (e.g. <c>--Dashboard:Store:Path=FILE</c>).
/// </summary>
internal static class CommandLineStore
{
    public static SqliteStore Open(IEnumerable<string> configurationArguments)
    {
        var configuration = Configuration(configurationArguments);
        var storeOptions = new StoreOptions();
        configuration.GetSection(DashboardDefaults.Section + ":Store").Bind(storeOptions);
        return new SqliteStore(storeOptions.ResolvedPath);
    }

    /// <summary>The service's configuration sources with <paramref name="configurationArguments"/> last.</summary>
    public static IConfiguration Configuration(IEnumerable<string> configurationArguments) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. configurationArguments])
            .Build();
}
