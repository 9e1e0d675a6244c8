using System.Globalization;

namespace LiveRoom.Ingest.Tests.Support;

/// <summary>Batch JSON as an edge sends it.</summary>
internal static class Payloads
{
    public const long Ts = 1_763_791_200_000; // 2025-11-22T06:00:00Z

    public static string Valid(string site = "s1", string room = "r1", string edge = "e1", long floor = 1, long firstSeq = 1, int count = 2, string kind = "stream", long ts = Ts, int v = 1)
    {
        var points = Enumerable.Range(0, count).Select(i => string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"seq":{{{firstSeq + i}}},"ts":{{{ts + i}}},"kind":"{{{kind}}}","fields":{"fps":25.5,"up":true,"video_codec":"h264"}}"""));
        return string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"v":{{v}},"site":"{{site}}","room":"{{room}}","edge":"{{edge}}","floor":{{floor}},"points":[{{string.Join(",", points)}}]}""");
    }
}
