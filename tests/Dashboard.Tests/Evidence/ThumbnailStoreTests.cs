using LiveRoom.Dashboard.Evidence;
using LiveRoom.Dashboard.Options;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Tests.Evidence;

/// <summary>The central store's layout, retention sweep on a fake clock, and the retention setting's bounds.</summary>
public sealed class ThumbnailStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new("thumbs");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sweeper_DaysOlderThanRetention_RemovedDailyYoungerKept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
        var store = Store(60);
        var jpeg = await EvidenceTestData.JpegAsync();
        var now = time.GetUtcNow();
        store.Save(EvidenceTestData.Message("demo", "room-1", now.AddDays(-61), "interval", jpeg));
        store.Save(EvidenceTestData.Message("demo", "room-1", now.AddDays(-59), "too_dark", jpeg));
        store.Save(EvidenceTestData.Message("demo", "room-1", now, "interval", jpeg));
        var options = Microsoft.Extensions.Options.Options.Create(new EvidenceOptions { RetentionDays = 60 });
        using var sweeper = new RetentionSweeper(store, options, time, NullLogger<RetentionSweeper>.Instance);

        await sweeper.StartAsync(CancellationToken.None);
        await Eventually.WaitAsync(() => Listed(store, time).Count == 2, TimeSpan.FromSeconds(10), "the first sweep");
        Assert.Equal(["too_dark", "interval"], Listed(store, time));

        // Two days later the -59 day is past 60 days: the next daily sweep removes it. The clock moves once the sweeper
        // waits for the next day; moved while it computed that wait, its wait would begin after the move.
        await Eventually.WaitAsync(() => time.PendingDueTimes().Contains(now.AddDays(1)), TimeSpan.FromSeconds(10), "the sweeper waiting for the next day");
        time.Advance(TimeSpan.FromDays(2));
        await Eventually.WaitAsync(() => Listed(store, time).Count == 1, TimeSpan.FromSeconds(10), "the next day's sweep");
        await sweeper.StopAsync(CancellationToken.None);
        Assert.Equal(["interval"], Listed(store, time));
    }

    [Fact]
    public void Parse_PictureSweptAfterItWasEnumerated_LeftOutInsteadOfFailingTheList()
    {
        var path = Path.Combine(_dir.Path, "1795330000000-interval.jpg");
        File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF, 0xD9]);
        Assert.Equal(4, ThumbnailStore.Parse("demo", "room-1", new FileInfo(path))!.Bytes);

        // A FileInfo reads the file's size when first asked (as one from a directory listing may): by then it is gone.
        var listed = new FileInfo(path);
        File.Delete(path);

        Assert.Null(ThumbnailStore.Parse("demo", "room-1", listed));

        // Served: one found and then swept is "not found", not a server error.
        Assert.Null(EvidenceApi.Open(path));
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(90, true)]
    [InlineData(4000, false)]
    public void Validate_RetentionDays_AtLeast60(int days, bool valid)
    {
        var result = new EvidenceOptionsValidator().Validate(null, new EvidenceOptions { RetentionDays = days });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Dashboard:Evidence:RetentionDays", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1795330000000-interval.jpg", true)]
    [InlineData("1795330000000-reference-candidate.c1-ab.jpg", true)]
    [InlineData("1795330000000-../x.jpg", false)]
    [InlineData("x-interval.jpg", false)]
    [InlineData("1795330000000-interval.png", false)]
    public void TryParseName_OnlyOwnNames(string name, bool ok) =>
        Assert.Equal(ok, ThumbnailStore.TryParseName(name, out _, out _, out _));

    private static List<string> Listed(ThumbnailStore store, TimeProvider time) =>
        [.. store.List("demo", "room-1", time.GetUtcNow().AddDays(-400), time.GetUtcNow(), 100).Select(e => e.Reason)];

    private ThumbnailStore Store(int days) => new(
        Microsoft.Extensions.Options.Options.Create(new EvidenceOptions { RetentionDays = days, Directory = _dir.Path }),
        Microsoft.Extensions.Options.Options.Create(new DashboardOptions()));
}
