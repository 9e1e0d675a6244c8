using System.Text;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Testing;
using static LiveRoom.Probe.Tests.Lifecycle.LifecycleRig;

namespace LiveRoom.Probe.Tests.Lifecycle;

/// <summary>Schedule intake: bad ones are refused with the reason and the previous one kept; the good one survives a restart.</summary>
public sealed class ScheduleTests : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("schedule");
    private readonly FakeTimeProvider _time = new(T0);
    private readonly LifecycleRig _rig;

    public ScheduleTests()
    {
        _rig = new LifecycleRig(_dir.Path, _time);
        _rig.Lifecycle.Start();
        Assert.Null(_rig.Apply(Schedule(10, null, Show("good", TimeSpan.FromHours(1), TimeSpan.FromHours(1)))));
    }

    public async ValueTask DisposeAsync()
    {
        await _rig.DisposeAsync();
        _dir.Dispose();
    }

    public static TheoryData<string, string> BadSchedules() => new()
    {
        { "wrong-room", "it is for s1/r2, this edge is s1/r1" },
        { "bad-zone", "time zone 'Mars/Olympus' is not a known IANA zone" },
        { "end-before-start", "shows[0] ('x'): end" },
        { "too-many", "201 shows; at most 200" },
        { "duplicate", "shows[1] ('x'): the id is listed twice" },
        { "not-json", "not a schedule" },
    };

    [Theory]
    [MemberData(nameof(BadSchedules))]
    public void Apply_BadSchedule_RefusedWithReasonAndPreviousKept(string kind, string reason)
    {
        var x = Show("x", TimeSpan.FromHours(2), TimeSpan.FromHours(1));
        var why = kind switch
        {
            "wrong-room" => _rig.Apply(Schedule(20, null, x) with { Room = "r2" }),
            "bad-zone" => _rig.Apply(Schedule(20, null, x) with { TimeZone = "Mars/Olympus" }),
            "end-before-start" => _rig.Apply(Schedule(20, null, x with { End = x.Start })),
            "too-many" => _rig.Apply(Schedule(20, null, [.. Enumerable.Range(0, 201).Select(i => Show($"s{i}", TimeSpan.FromHours(i + 1), TimeSpan.FromMinutes(30)))])),
            "duplicate" => _rig.Apply(Schedule(20, null, x, x)),
            _ => _rig.Lifecycle.ApplySchedule("test", Encoding.UTF8.GetBytes("{\"v\":1,")),
        };

        Assert.NotNull(why);
        Assert.Contains(reason, why, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(_rig.Lifecycle.Schedule!.Shows).Id);
    }

    [Fact]
    public void Apply_OlderTimestamp_Ignored_NewerReplaces()
    {
        _rig.Apply(Schedule(5, null, Show("older", TimeSpan.FromHours(1), TimeSpan.FromHours(1))));
        Assert.Equal("good", _rig.Lifecycle.Schedule!.Shows[0].Id);
        _rig.Apply(Schedule(11, null, Show("newer", TimeSpan.FromHours(1), TimeSpan.FromHours(1))));
        Assert.Equal("newer", _rig.Lifecycle.Schedule!.Shows[0].Id);
    }

    [Fact]
    public async Task Restart_WithoutBroker_LoadsTheLastGoodScheduleFromDisk()
    {
        _rig.Apply(Schedule(5, null, Show("older", TimeSpan.FromHours(1), TimeSpan.FromHours(1))) with { Room = "other" });
        await _rig.RestartAsync();

        Assert.Equal(10, _rig.Lifecycle.Schedule!.Ts);
        var state = _rig.Lifecycle.Current;
        Assert.Equal(RoomStates.Booked, state.State);
        Assert.Equal("good", state.Show!.Id);
        Assert.False(File.Exists(Path.Combine(_dir.Path, ".schedule.json.tmp")));
    }
}
