using LiveRoom.Probe.Stream;
using LiveRoom.Probe.Tests.Fixtures;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Stream;

public sealed class ReaderMemoryTests : IDisposable
{
    private readonly TempDirectory _dir = new("reader-memory");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Tunables_NothingInherited_AllThreeSettings()
    {
        Assert.Equal(
            "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=134217728",
            ReaderMemory.Tunables(null));
        Assert.Equal(ReaderMemory.Tunables(null), ReaderMemory.Tunables(string.Empty));
    }

    [Fact]
    public void Tunables_StudioSetsOneOfThem_ItsValueWinsAndTheRestAreAdded()
    {
        var tunables = ReaderMemory.Tunables("glibc.malloc.hugetlb=0:glibc.malloc.arena_max=2");

        Assert.Equal(
            "glibc.malloc.hugetlb=0:glibc.malloc.arena_max=2:glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=134217728",
            tunables);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Run_Reader_StartsWithTheTunables()
    {
        // A stand-in for ffmpeg that records the environment it was started with, then runs the real one.
        var wrapper = _dir.Combine("ffmpeg");
        var seen = _dir.Combine("tunables");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nprintf '%s' \"$GLIBC_TUNABLES\" > '{seen}'\nexec ffmpeg \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await using var run = new MonitorRun("whatever.ts", o => o with { Ffmpeg = wrapper });

        await Eventually.WaitAsync(() => File.Exists(seen) && new FileInfo(seen).Length > 0, TimeSpan.FromSeconds(30), "the reader to start");

        Assert.Equal(ReaderMemory.Tunables(Environment.GetEnvironmentVariable(ReaderMemory.Variable)), await File.ReadAllTextAsync(seen));
    }
}
