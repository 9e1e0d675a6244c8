using LiveRoom.Runtime.Hosting;
using LiveRoom.Runtime.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace LiveRoom.Runtime.Tests.Logging;

/// <summary>The <c>Serilog</c> section's levels, read without reflection, and what it refuses.</summary>
public sealed class LogLevelSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    /// <summary>A host with LiveRoom logging into <paramref name="dir"/> and the given settings.</summary>
    private static HostApplicationBuilder LoggingHost(DirectoryInfo dir, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new(LiveRoomLogging.DirectoryKey, dir.FullName), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))]);
        builder.AddLiveRoomLogging();
        return builder;
    }

    [Fact]
    public void DefaultAndOverridesSetTheLevelsPerSource()
    {
        var config = new LoggerConfiguration().MinimumLevel.Information();
        var problems = LogLevelSettings.Apply(
            Config(("Serilog:MinimumLevel:Default", "Warning"), ("Serilog:MinimumLevel:Override:LiveRoom.Probe", "debug")),
            config);

        Assert.Empty(problems);
        using var logger = config.CreateLogger();
        Assert.False(logger.IsEnabled(LogEventLevel.Information));
        Assert.True(logger.IsEnabled(LogEventLevel.Warning));
        var probe = logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "LiveRoom.Probe.Stream.StreamMonitor");
        Assert.True(probe.IsEnabled(LogEventLevel.Debug));
        Assert.False(probe.IsEnabled(LogEventLevel.Verbose));
    }

    [Fact]
    public void AMinimumLevelValueIsTheDefault()
    {
        var config = new LoggerConfiguration().MinimumLevel.Information();
        Assert.Empty(LogLevelSettings.Apply(Config(("Serilog:MinimumLevel", "Error")), config));
        using var logger = config.CreateLogger();
        Assert.False(logger.IsEnabled(LogEventLevel.Warning));
        Assert.True(logger.IsEnabled(LogEventLevel.Error));
    }

    [Fact]
    public void NoSectionChangesNothing()
    {
        var config = new LoggerConfiguration().MinimumLevel.Information();
        Assert.Empty(LogLevelSettings.Apply(Config(("Other:Key", "x")), config));
        using var logger = config.CreateLogger();
        Assert.True(logger.IsEnabled(LogEventLevel.Information));
        Assert.False(logger.IsEnabled(LogEventLevel.Debug));
    }

    [Theory]
    [InlineData("Serilog:MinimumLevel:Default", "Loud", "Serilog:MinimumLevel:Default: 'Loud' is not a level (Verbose, Debug, Information, Warning, Error, Fatal)")]
    [InlineData("Serilog:MinimumLevel:Default", "3", "Serilog:MinimumLevel:Default: '3' is not a level")]
    [InlineData("Serilog:MinimumLevel:Override:LiveRoom", "", "Serilog:MinimumLevel:Override:LiveRoom: '' is not a level")]
    [InlineData("Serilog:WriteTo:0:Name", "Seq", "Serilog:WriteTo: not supported; only Serilog:MinimumLevel[:Default] and Serilog:MinimumLevel:Override:<source> are read")]
    [InlineData("Serilog:MinimumLevel:Maximum", "Debug", "Serilog:MinimumLevel:Maximum: not supported; expected Serilog:MinimumLevel:Default or Serilog:MinimumLevel:Override:<source>")]
    [InlineData("Serilog:MinimumLevel:Override:LiveRoom:Probe", "Debug", "Serilog:MinimumLevel:Override:LiveRoom: expected a level (Verbose, Debug, Information, Warning, Error, Fatal), found a section")]
    public void BadSettingsAreRefusedByName(string key, string value, string expected)
    {
        var problems = LogLevelSettings.Apply(Config((key, value)), new LoggerConfiguration());
        var problem = Assert.Single(problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostWithARefusedSettingStopsAtStartWithOneLine()
    {
        var dir = Directory.CreateTempSubdirectory("liveroom-logging-");
        try
        {
            var builder = LoggingHost(dir, ("Serilog:MinimumLevel:Default", "Chatty"));
            var error = new StringWriter();
            var original = Console.Error;
            Console.SetError(error);
            int code;
            try
            {
                code = await builder.Build().RunLiveRoomAsync("liveroom-test");
            }
            finally
            {
                Console.SetError(original);
            }

            Assert.Equal(HostRunner.ConfigurationError, code);
            Assert.Equal(
                "liveroom-test: configuration error: Serilog:MinimumLevel:Default: 'Chatty' is not a level (Verbose, Debug, Information, Warning, Error, Fatal)",
                error.ToString().Trim());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void AHostLogsAtTheConfiguredLevels()
    {
        var dir = Directory.CreateTempSubdirectory("liveroom-logging-");
        try
        {
            using var host = LoggingHost(dir, ("Serilog:MinimumLevel:Override:LiveRoom", "Debug")).Build();
            var factory = (ILoggerFactory)host.Services.GetService(typeof(ILoggerFactory))!;
            Assert.True(factory.CreateLogger("LiveRoom.Probe.Stream").IsEnabled(LogLevel.Debug));
            Assert.False(factory.CreateLogger("Other.Component").IsEnabled(LogLevel.Debug));
            Assert.True(factory.CreateLogger("Other.Component").IsEnabled(LogLevel.Information));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
