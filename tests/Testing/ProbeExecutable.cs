namespace LiveRoom.Testing;

/// <summary>
/// The <c>liveroom-probe</c> executable that tests start: the native one that ships (decision 0018) when
/// <c>LIVEROOM_PROBE</c> names it (<c>make test</c> publishes it and sets the variable), else the apphost built next to
/// the tests (a plain <c>dotnet test</c>).
/// </summary>
public static class ProbeExecutable
{
    /// <summary>The environment variable naming the executable to test.</summary>
    public const string Variable = "LIVEROOM_PROBE";

    public static string Path
    {
        get
        {
            if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path)
            {
                return File.Exists(path)
                    ? path
                    : throw new FileNotFoundException($"{Variable}={path}: no such file (make test publishes it with 'make probe-native')", path);
            }

            return System.IO.Path.Combine(AppContext.BaseDirectory, "liveroom-probe");
        }
    }

    /// <summary>True for the native executable: a .NET apphost has its managed assembly beside it.</summary>
    public static bool IsNative(string path) => !File.Exists(System.IO.Path.ChangeExtension(path, ".dll"));
}
