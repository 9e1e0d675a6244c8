namespace LiveRoom.Probe.Display;

/// <summary>The kiosk page's files, embedded in the probe (no external assets: the door works with no internet).</summary>
internal static class DoorPage
{
    public static readonly byte[] Html = Load("index.html");
    public static readonly byte[] Css = Load("door.css");
    public static readonly byte[] Script = Load("door.js");

    /// <summary>Nothing but the page's own files; no inline script, so an injected string can never run.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static byte[] Load(string name)
    {
        var resource = "LiveRoom.Probe.Display.Page." + name;
        using var stream = typeof(DoorPage).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource '{resource}' is missing from the probe assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
