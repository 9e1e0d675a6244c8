using LiveRoom.Dashboard.Options;
using LiveRoom.Runtime.Hosting;

namespace LiveRoom.Dashboard.Store;

/// <summary>The configuration store as the command-line tools open it (<c>users</c>, <c>schedule</c>), found through <see cref="CommandConfiguration"/>.</summary>
internal static class CommandLineStore
{
    public static SqliteStore Open(IEnumerable<string> configurationArguments)
    {
        var storeOptions = new StoreOptions();
        CommandConfiguration.Build(configurationArguments).GetSection(DashboardDefaults.Section + ":Store").Bind(storeOptions);
        return new SqliteStore(storeOptions.ResolvedPath);
    }
}
