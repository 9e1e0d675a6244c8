using LiveRoom.Dashboard.Schedules.Import;

namespace LiveRoom.Dashboard.Tests.Schedules;

public sealed class CsvScheduleParserTests
{
    private static readonly TimeZoneInfo Shanghai = ScheduleFiles.Zone("Asia/Shanghai");

    [Fact]
    public void Parse_ValidFile_QuotingLocalTimesAndProfiles()
    {
        var parsed = CsvScheduleParser.Parse(ScheduleFiles.Read("valid.csv"), Shanghai, "Asia/Shanghai", ScheduleFiles.Now);

        Assert.Null(parsed.Error?.English);
        Assert.Equal(3, parsed.Shows.Count);
        var first = parsed.Shows[0];
        Assert.Equal(("Evening show, part 1", "Wang \"Lily\" Li", 2), (first.Title, first.Host, first.Line));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero), first.Start);
        Assert.Equal(12_000_000, first.Profile!.MaxBitrate);
        var second = parsed.Shows[1];
        Assert.Equal(("Two-line title", 3), (second.Title, second.Line));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero), second.Start); // 20:00 in the site's zone
        Assert.Null(second.Profile);
        var third = parsed.Shows[2];
        Assert.Equal((5, 3840, 25.0), (third.Line, third.Profile!.Width, third.Profile.Fps));
    }

    [Fact]
    public void Parse_UidColumnAnywhere_KeysEachRowAndKeepsTheOtherColumns()
    {
        const string Csv = "room,start,end,uid,title,host,width,height,fps,min_bitrate,max_bitrate\n"
            + "room-1,2026-11-02T20:00Z,2026-11-02T22:00Z, booking-7 ,Show,Li,1280,720,25,1000000,5000000\n";

        var parsed = CsvScheduleParser.Parse(Csv, Shanghai, "Asia/Shanghai", ScheduleFiles.Now);

        Assert.Null(parsed.Error?.English);
        var show = Assert.Single(parsed.Shows);
        Assert.Equal(("csv:booking-7", "Show", "Li", 1280), (show.SourceKey, show.Title, show.Host, show.Profile!.Width));
        Assert.Null(CsvScheduleParser.Parse(ScheduleFiles.Read("valid.csv"), Shanghai, "Asia/Shanghai", ScheduleFiles.Now).Shows[0].SourceKey);
    }

    [Fact]
    public void Parse_MalformedLine_RefusesWholeFileNamingLine()
    {
        var parsed = CsvScheduleParser.Parse(ScheduleFiles.Read("malformed-line4.csv"), Shanghai, "Asia/Shanghai", ScheduleFiles.Now);

        Assert.Empty(parsed.Shows);
        Assert.Equal("line 4: start '2026-11-04 8pm' is not an ISO 8601 time (e.g. 2026-11-23T14:00:00+08:00, or 2026-11-23 14:00 in the site's zone)", parsed.Error?.English);
    }

    [Theory]
    [InlineData("room,start,end,title\n", "line 1: the header is 'room,start,end,title'; expected room,start,end,title,host optionally followed by ,width,height,fps,min_bitrate,max_bitrate, and optionally a uid column")]
    [InlineData("room,start,end,title,host\nroom-1,2026-11-02T20:00Z,2026-11-02T22:00Z,Show\n", "line 2: 4 fields; the header has 5")]
    [InlineData("room,start,end,title,host\nroom-1,2026-11-02T20:00Z,2026-11-02T22:00Z,\"Unclosed,Li\n", "line 2: a quoted field is never closed")]
    [InlineData("room,start,end,title,host\nroom-1,2026-11-02T20:00Z,2026-11-02T22:00Z,Sh\"ow,Li\n", "line 2: a quote inside an unquoted field (RFC 4180: quote the whole field and double the quote)")]
    [InlineData("room,start,end,title,host\n\nroom-1,2026-11-02T22:00Z,2026-11-02T20:00Z,Backwards,Li\n", "line 3: end 2026-11-03 04:00 is not after start 2026-11-03 06:00 (Asia/Shanghai)")]
    [InlineData("room,start,end,title,host\nroom-1,2026-09-02T20:00Z,2026-09-02T22:00Z,Old,Li\n", "line 2: start 2026-09-03 04:00 (Asia/Shanghai) is in the past (now 2026-10-01 08:00)")]
    [InlineData("room,uid,start,end,title,host\nroom-1, ,2026-11-02T20:00Z,2026-11-02T22:00Z,Show,Li\n", "line 2: uid is empty (with a uid column, every row names its booking)")]
    [InlineData("room,start,end,title,host,uid\nroom-1,2026-11-02T20:00Z,2026-11-02T22:00Z,A,Li,b-1\nroom-2,2026-11-02T20:00Z,2026-11-02T22:00Z,B,Li,b-1\n", "line 3: uid 'b-1' is already used on line 2; each row needs its own")]
    [InlineData("room,start,end,title,host,uid\nroom-1,2026-11-02T20:00Z,2026-11-02T22:00Z,A,Li\n", "line 2: 5 fields; the header has 6")]
    [InlineData("uid,room,start,end,title,host,uid\n", "line 1: the header is 'uid,room,start,end,title,host,uid'; expected room,start,end,title,host optionally followed by ,width,height,fps,min_bitrate,max_bitrate, and optionally a uid column")]
    [InlineData("", "line 1: the file is empty; the first line must be the header room,start,end,title,host")]
    public void Parse_BadInput_RefusedWithLineAndReason(string csv, string expected)
    {
        var parsed = CsvScheduleParser.Parse(csv, Shanghai, "Asia/Shanghai", ScheduleFiles.Now);

        Assert.Empty(parsed.Shows);
        Assert.Equal(expected, parsed.Error?.English);
    }
}
