namespace LiveRoom.Testing;

/// <summary>Where the repository and this build's outputs are, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    /// <summary>The directory holding LiveRoom.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Build configuration of this test run (Release or Debug), from bin/&lt;Configuration&gt;/net10.0/.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Src => Path.Combine(Root, "src");

    public static string ProjectDll(string project, string assembly) =>
        Path.Combine(Src, project, "bin", Configuration, "net10.0", assembly + ".dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiveRoom.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"LiveRoom.sln not found above {AppContext.BaseDirectory}");
    }
}
