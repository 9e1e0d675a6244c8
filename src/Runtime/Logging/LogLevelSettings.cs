using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace LiveRoom.Runtime.Logging;

/// <summary>
/// The log levels an operator may set in the <c>Serilog</c> configuration section, read without reflection (the probe
/// is published as a native executable, decision 0018): <c>Serilog:MinimumLevel</c> or
/// <c>Serilog:MinimumLevel:Default</c>, and <c>Serilog:MinimumLevel:Override:{source prefix}</c>. Anything else under
/// <c>Serilog</c> (sinks, enrichers) is refused with the key named, never silently ignored.
/// </summary>
public static class LogLevelSettings
{
    /// <summary>The configuration section read.</summary>
    public const string Section = "Serilog";

    private const string MinimumLevel = "MinimumLevel";
    private const string Default = "Default";
    private const string Override = "Override";

    /// <summary>Applies the section's levels to <paramref name="config"/> and returns what it refused (empty when all is well).</summary>
    public static IReadOnlyList<string> Apply(IConfiguration configuration, LoggerConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<string>();
        foreach (var child in configuration.GetSection(Section).GetChildren())
        {
            if (!child.Key.Equals(MinimumLevel, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{child.Path}: not supported; only {Section}:{MinimumLevel}[:{Default}] and {Section}:{MinimumLevel}:{Override}:<source> are read");
                continue;
            }

            if (child.Value is { } level)
            {
                if (Parse(child.Path, level, problems) is { } parsed)
                {
                    config.MinimumLevel.Is(parsed);
                }
            }

            foreach (var part in child.GetChildren())
            {
                if (part.Key.Equals(Default, StringComparison.OrdinalIgnoreCase) && part.Value is { } value)
                {
                    if (Parse(part.Path, value, problems) is { } parsed)
                    {
                        config.MinimumLevel.Is(parsed);
                    }
                }
                else if (part.Key.Equals(Override, StringComparison.OrdinalIgnoreCase) && part.Value is null)
                {
                    foreach (var source in part.GetChildren())
                    {
                        if (source.Value is null)
                        {
                            problems.Add($"{source.Path}: expected a level ({Levels}), found a section");
                        }
                        else if (Parse(source.Path, source.Value, problems) is { } parsed)
                        {
                            config.MinimumLevel.Override(source.Key, parsed);
                        }
                    }
                }
                else
                {
                    problems.Add($"{part.Path}: not supported; expected {child.Path}:{Default} or {child.Path}:{Override}:<source>");
                }
            }
        }

        return problems;
    }

    private static readonly string Levels = string.Join(", ", Enum.GetNames<LogEventLevel>());

    private static LogEventLevel? Parse(string path, string text, List<string> problems)
    {
        // By name only: Enum.TryParse would also take numbers and comma-joined names ("Debug,Error" is Fatal).
        foreach (var level in Enum.GetValues<LogEventLevel>())
        {
            if (level.ToString().Equals(text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }

        problems.Add($"{path}: '{text}' is not a level ({Levels})");
        return null;
    }
}
