namespace LiveRoom.Ingest.Tests.Support;

internal static class IngestExecutable
{
    /// <summary>The collector as built in src/Ingest (with its own runtimeconfig and deps), same configuration as this test.</summary>
    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "LiveRoom.sln")))
            {
                dir = dir.Parent;
            }

            var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
            return System.IO.Path.Combine(dir!.FullName, "src", "Ingest", "bin", configuration, "net10.0", "liveroom-ingest.dll");
        }
    }
}
