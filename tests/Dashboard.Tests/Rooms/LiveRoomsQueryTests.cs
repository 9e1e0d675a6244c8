using System.Text.Json;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Rooms;

namespace LiveRoom.Dashboard.Tests.Rooms;

/// <summary>Mapping recorded InfluxDB 1.6 answers (TestData/) to room statuses.</summary>
public sealed class LiveRoomsQueryTests
{
    // The moment the recorded answers were taken: room-1's newest point is 1 s older.
    private static readonly DateTimeOffset RecordedAt = DateTimeOffset.FromUnixTimeMilliseconds(1795330054809);

    [Fact]
    public void Map_RecordedAnswers_JoinsValuesAndNewestPerRoom()
    {
        var rooms = LiveRoomsQuery.Map(Load("influx-live-values.json"), Load("influx-live-newest.json"), RecordedAt, TimeSpan.FromSeconds(15));

        Assert.Equal(["room-1", "room-2", "room-3"], rooms.Select(r => r.Room));
        var room1 = rooms[0];
        Assert.Equal(("demo", 1920.0, 1080.0, 29.97, 4_620_000.0, true), (room1.Site, room1.Width, room1.Height, room1.Fps, room1.BitrateBps, room1.Up));
        Assert.Equal(1.0, room1.AgeSeconds);
        Assert.True(room1.MeetsStandard);
        Assert.False(rooms[1].MeetsResolution);
        Assert.False(rooms[1].MeetsFrameRate);
        Assert.Equal((null, false, false), (rooms[2].Width, rooms[2].Up, rooms[2].MeetsStandard));
    }

    [Fact]
    public void Map_StreamDownAfterGoodPoints_NoResolutionFrameRateOrBitrate()
    {
        // room-1's window still holds its 1080p30 values, but its newest point says the stream is down.
        using var newest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "influx-live-newest.json")).Replace("true", "false", StringComparison.Ordinal));
        var rooms = LiveRoomsQuery.Map(Load("influx-live-values.json"), Assert.Single(InfluxResponseParser.Parse(newest.RootElement)), RecordedAt, TimeSpan.FromSeconds(15));

        var room1 = rooms[0];
        Assert.Equal(("room-1", false, false), (room1.Room, room1.Up, room1.Stale));
        Assert.Equal((null, null, null, null), (room1.Width, room1.Height, room1.Fps, room1.BitrateBps));
        Assert.False(room1.MeetsStandard);
    }

    [Fact]
    public void Map_RecordedAnswersLater_MarksStale()
    {
        var rooms = LiveRoomsQuery.Map(Load("influx-live-values.json"), Load("influx-live-newest.json"), RecordedAt.AddSeconds(20), TimeSpan.FromSeconds(15));

        Assert.All(rooms, r => Assert.True(r.Stale));
        Assert.All(rooms, r => Assert.False(r.MeetsStandard));
    }

    [Theory]
    [InlineData("database not found: liveroom")]
    [InlineData("retention policy not found: liveroom")]
    public void Map_NothingCreatedYet_NoRooms(string error)
    {
        var missing = new InfluxStatementResult(0, error, []);

        Assert.Empty(LiveRoomsQuery.Map(missing, missing, RecordedAt, TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public void Map_OtherError_ThrowsWithInfluxMessage()
    {
        var failed = new InfluxStatementResult(0, "authorization failed", []);

        var ex = Assert.Throws<InfluxQueryException>(() => LiveRoomsQuery.Map(failed, failed, RecordedAt, TimeSpan.FromSeconds(15)));

        Assert.Contains("authorization failed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TopLevelError_Throws()
    {
        using var doc = JsonDocument.Parse("""{"error":"error parsing query: found EOF"}""");

        var ex = Assert.Throws<InfluxQueryException>(() => InfluxResponseParser.Parse(doc.RootElement));

        Assert.Contains("found EOF", ex.Message, StringComparison.Ordinal);
    }

    private static InfluxStatementResult Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", file)));
        return Assert.Single(InfluxResponseParser.Parse(doc.RootElement));
    }
}
