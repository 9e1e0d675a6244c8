namespace LiveRoom.Probe.Tests.HostHealth;

/// <summary>Recorded /proc text (TestData/HostHealth-*: copied from the build machine) and fake /proc, /sys trees built from it.</summary>
internal static class HostTestData
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    /// <summary>Writes <paramref name="text"/> to <c>root/relative</c>, creating directories.</summary>
    public static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
