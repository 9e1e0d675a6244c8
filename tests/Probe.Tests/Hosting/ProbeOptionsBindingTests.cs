using System.Globalization;
using System.Reflection;
using LiveRoom.Probe.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveRoom.Probe.Tests.Hosting;

/// <summary>
/// Every setting under <c>Probe</c> reaches <see cref="ProbeOptions"/> through <see cref="ProbeServiceCollectionExtensions.AddProbe"/>'s
/// own binding. The probe ships as a native executable (decision 0018), where configuration is bound by the
/// source-generated binder, which leaves a property it cannot set (an <c>init</c> accessor) at its default without a
/// word; this walks the whole options tree, gives every leaf a value unlike its default and checks it arrived.
/// </summary>
public sealed class ProbeOptionsBindingTests
{
    [Fact]
    public void EveryLeafSettingIsBound()
    {
        var expected = new Dictionary<string, object>(StringComparer.Ordinal);
        Collect(typeof(ProbeOptions), ProbeOptions.Section, new ProbeOptions(), expected, depth: 0);
        Assert.True(expected.Count > 60, $"only {expected.Count} settings found");

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(expected.Select(kv => new KeyValuePair<string, string?>(kv.Key, Text(kv.Value))));
        builder.AddProbe();
        using var services = builder.Services.BuildServiceProvider();

        // The configure steps alone (bind, then defaults): the validators would refuse some of these arbitrary values.
        var options = new ProbeOptions();
        foreach (var configure in services.GetServices<IConfigureOptions<ProbeOptions>>())
        {
            configure.Configure(options);
        }

        var unbound = expected.Where(kv => !Equals(Read(options, kv.Key), kv.Value)).Select(kv => $"{kv.Key} (read {Read(options, kv.Key) ?? "null"})").ToList();
        Assert.True(unbound.Count == 0, "not bound: " + string.Join(", ", unbound));
    }

    /// <summary>Leaf settings (strings, numbers, booleans, time spans, enums) of <paramref name="type"/>, each with a value unlike its default.</summary>
    private static void Collect(Type type, string prefix, object instance, Dictionary<string, object> into, int depth)
    {
        Assert.True(depth < 6, $"options nest too deep at {prefix}");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            var key = prefix + ":" + property.Name;
            var current = property.GetValue(instance);
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object? value = t switch
            {
                _ when t == typeof(string) => "set-" + property.Name.ToLowerInvariant(),
                _ when t == typeof(int) => (current is int i ? i : 0) + 3,
                _ when t == typeof(long) => (current is long l ? l : 0) + 3,
                _ when t == typeof(double) => (current is double d && double.IsFinite(d) ? d : 0) + 0.25,
                _ when t == typeof(bool) => !(current is bool b && b),
                _ when t == typeof(TimeSpan) => (current is TimeSpan s ? s : TimeSpan.Zero) + TimeSpan.FromMilliseconds(1250),
                _ when t.IsEnum => Enum.GetValues(t).Cast<object>().FirstOrDefault(v => !v.Equals(current)),
                _ => null,
            };
            if (value is not null)
            {
                into[key] = value;
            }
            else if (t.IsClass && t.Namespace?.StartsWith("LiveRoom", StringComparison.Ordinal) == true && current is not null)
            {
                Collect(t, key, current, into, depth + 1);
            }
        }
    }

    private static string Text(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        TimeSpan s => s.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static object? Read(object options, string key)
    {
        object? current = options;
        foreach (var name in key.Split(':').Skip(1))
        {
            current = current?.GetType().GetProperty(name)?.GetValue(current);
        }

        return current;
    }
}
