using LiveRoom.Ingest.Alerts;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Acknowledging;

public sealed class PortTakenTests
{
    [Fact]
    public async Task StartAsync_PageListenerPortTaken_AlertingStillStarts()
    {
        using var dir = new TempDirectory("alerts-port");
        using var http = new HttpClient();
        await using var first = new AlertService(new AlertOptions { HttpUrl = "http://127.0.0.1:0" }, dir.Combine("a"), http);
        await first.StartAsync(CancellationToken.None);
        await using var second = new AlertService(new AlertOptions { HttpUrl = first.HttpAddress!.ToString() }, dir.Combine("b"), http);

        await second.StartAsync(CancellationToken.None);

        Assert.Null(second.HttpAddress);
        Assert.NotNull(first.HttpAddress);
    }
}
