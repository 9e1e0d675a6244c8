using System.Globalization;
using System.Text.Json;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Dashboard.Tests.Evidence;

/// <summary>A real JPEG made by ffmpeg, thumbnail messages around it, and a dashboard wired to a test broker.</summary>
internal static class EvidenceTestData
{
    private static readonly Lazy<Task<byte[]>> Jpeg = new(MakeJpegAsync);

    public static Task<byte[]> JpegAsync() => Jpeg.Value;

    public static byte[] Payload(ThumbnailMessage m) => JsonSerializer.SerializeToUtf8Bytes(m, VisionJsonContext.Default.ThumbnailMessage);

    public static ThumbnailMessage Message(string site, string room, DateTimeOffset at, string reason, byte[] jpeg, string? capture = null) => new()
    {
        V = 1,
        Site = site,
        Room = room,
        Ts = at.ToUnixTimeMilliseconds(),
        Reason = reason,
        Width = 320,
        Height = 180,
        Capture = capture,
        Jpeg = jpeg,
    };

    public static DashboardFactory Factory(int brokerPort, TimeProvider? time = null) => new(
        new Dictionary<string, string?>
        {
            ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}",
            ["Dashboard:Mqtt:Host"] = "127.0.0.1",
            ["Dashboard:Mqtt:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Dashboard:Mqtt:ClientId"] = "dashboard-" + Guid.NewGuid().ToString("N")[..8],
            ["Dashboard:Evidence:ClientId"] = "evidence-" + Guid.NewGuid().ToString("N")[..8],
        },
        time);

    private static async Task<byte[]> MakeJpegAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "liveroom-test-" + Guid.NewGuid().ToString("N")[..8] + ".jpg");
        try
        {
            (await ProcessRunner.RunAsync("ffmpeg", ["-hide_banner", "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=320x180", "-frames:v", "1", "-q:v", "7", "-f", "mjpeg", "-y", path], TimeSpan.FromSeconds(60), CancellationToken.None)).EnsureSuccess();
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
