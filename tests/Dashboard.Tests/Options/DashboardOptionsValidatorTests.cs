using LiveRoom.Dashboard.Options;

namespace LiveRoom.Dashboard.Tests.Options;

public sealed class DashboardOptionsValidatorTests
{
    private readonly DashboardOptionsValidator _validator = new();

    [Theory]
    [InlineData("http://127.0.0.1:8086")]
    [InlineData("https://influx.example.com/")]
    public void Validate_GoodUrl_Succeeds(string url)
    {
        var result = _validator.Validate(null, new DashboardOptions { Influx = { Url = url } });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("localhost:8086", "not an absolute http")]
    [InlineData("ftp://127.0.0.1/", "not an absolute http")]
    [InlineData("influx", "not an absolute http")]
    [InlineData("http://admin:secret@127.0.0.1:8086", "must not carry credentials")]
    public void Validate_BadUrl_FailsNamingKey(string? url, string reason)
    {
        var result = _validator.Validate(null, new DashboardOptions { Influx = { Url = url } });

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Dashboard:Influx:Url", failure, StringComparison.Ordinal);
        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StaleAfterBeyondWindow_FailsWithRange()
    {
        var options = new DashboardOptions
        {
            Influx = { Url = "http://127.0.0.1:8086" },
            LiveWindow = TimeSpan.FromSeconds(30),
            StaleAfter = TimeSpan.FromMinutes(1),
        };

        var result = _validator.Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Dashboard:StaleAfter", failure, StringComparison.Ordinal);
        Assert.Contains("allowed is 00:00:02 to 00:00:30", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("live room")]
    [InlineData("db\"; DROP DATABASE x")]
    public void Validate_BadDatabaseName_Fails(string database)
    {
        var result = _validator.Validate(null, new DashboardOptions { Influx = { Url = "http://127.0.0.1:8086", Database = database } });

        Assert.Contains(result.Failures!, f => f.StartsWith("Dashboard:Influx:Database", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AlertsUrl_SeveralCollectorsSeparatedByCommas_EachChecked()
    {
        var good = new DashboardOptions { Influx = { Url = "http://127.0.0.1:8086" }, AlertsUrl = "http://10.0.0.5:5081, https://collector-b.example.com:5081/" };
        var bad = new DashboardOptions { Influx = { Url = "http://127.0.0.1:8086" }, AlertsUrl = "http://10.0.0.5:5081,collector-b:5081" };

        Assert.True(_validator.Validate(null, good).Succeeded);
        Assert.Equal(["http://10.0.0.5:5081/", "https://collector-b.example.com:5081/"], good.AlertsUrls().Select(u => u.ToString()));
        var failure = Assert.Single(_validator.Validate(null, bad).Failures!);
        Assert.Contains("Dashboard:AlertsUrl 'collector-b:5081' must be an absolute http(s) URL", failure, StringComparison.Ordinal);
    }
}
