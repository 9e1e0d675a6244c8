using LiveRoom.Dashboard.Options;

namespace LiveRoom.Dashboard.Store;

/// <summary>
/// The configuration store as the command-line tools open it (<c>users</c>, <c>schedule</c>): the same sources as the
/// service — <c>appsettings.json</c> next to the binary, environment, then the remaining arguments
/// (e.g. <c>--Dashboard:Store:Path=FILE</c>).
/// </summary>
internal static class CommandLineStore
{
    public static SqliteStore Open(IEnumerable<string> configurationArguments)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. configurationArguments])
            .Build();
        var storeOptions = new StoreOptions();
        configuration.GetSection(DashboardDefaults.Section + ":Store").Bind(storeOptions);
        return new SqliteStore(storeOptions.ResolvedPath);
    }
}
