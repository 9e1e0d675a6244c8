namespace LiveRoom.Testing;

/// <summary>Small files for tests, by '/'-separated paths relative to a directory.</summary>
public static class TestFiles
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/> under <paramref name="directory"/>, creating folders; returns the path.</summary>
    public static string Write(string directory, string relative, string text)
    {
        var path = Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public static string Combine(string directory, string relative) => Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar));
}
