namespace LiveRoom.Probe.Stream;

/// <summary>
/// The glibc allocator settings the ffmpeg reader runs with (<c>GLIBC_TUNABLES</c>, glibc 2.35 and later; older ones
/// ignore it): its start-up costs half as much CPU.
/// </summary>
/// <remarks>
/// Once the input is probed, ffmpeg opens its decoders and filters and works through the seconds of packets the probe
/// buffered: about 20 MB of fresh memory (decoder frame pools are zeroed as they are allocated), each 4 KiB page
/// faulted in on first touch, and glibc hands large buffers back to the kernel and maps them again as they come and
/// go. On a virtual machine a page fault costs tens of microseconds, so the reader's 12,700 faults in its first
/// seconds were about a fifth of its CPU in a monitored minute (<c>make bench-probe</c>).
/// <list type="bullet">
/// <item><c>hugetlb=1</c>: the heap is marked for transparent huge pages (<c>madvise</c>, the kernel's default
/// mode), one fault per 2 MiB instead of per 4 KiB. Where the kernel has them off it changes nothing.</item>
/// <item><c>mmap_threshold</c> 32 MiB and <c>trim_threshold</c> 128 MiB: frame and packet buffers come from that
/// heap and stay mapped when freed, so they are reused rather than unmapped and faulted in again.</item>
/// </list>
/// Together they cut the faults to about 4,100 and the reader's CPU in the benchmark's minute by 0.10–0.15 s, for
/// 2–3 MB more resident memory (85 MB instead of 83). Settings already in the probe's environment win: a studio that
/// tunes glibc itself keeps its values.
/// </remarks>
internal static class ReaderMemory
{
    public const string Variable = "GLIBC_TUNABLES";

    internal static readonly (string Name, string Value)[] Settings =
    [
        ("glibc.malloc.hugetlb", "1"),
        ("glibc.malloc.mmap_threshold", "33554432"),
        ("glibc.malloc.trim_threshold", "134217728"),
    ];

    /// <summary>The reader's <c>GLIBC_TUNABLES</c>: <paramref name="inherited"/> (the probe's own) plus ours for any it does not set.</summary>
    public static string Tunables(string? inherited)
    {
        var entries = string.IsNullOrEmpty(inherited) ? [] : inherited.Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        var named = entries.Select(e => e.Split('=', 2)[0]).ToHashSet(StringComparer.Ordinal);
        entries.AddRange(Settings.Where(s => !named.Contains(s.Name)).Select(s => s.Name + "=" + s.Value));
        return string.Join(':', entries);
    }
}
