using System.Globalization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Probe.HostHealth;
using LiveRoom.Probe.Network;
using LiveRoom.Probe.Obs;
using LiveRoom.Runtime.Processes;
using Microsoft.Extensions.Options;

namespace LiveRoom.Probe.Hosting;

/// <summary>Checks <see cref="ProbeOptions"/> at start; every message names the key and what is allowed.</summary>
internal sealed class ProbeOptionsValidator : IValidateOptions<ProbeOptions>
{
    internal static readonly TimeSpan MinResendAfter = TimeSpan.FromMilliseconds(100);
    internal static readonly TimeSpan MaxResendAfter = TimeSpan.FromDays(1);
    internal const long MinSegmentBytes = 64 * 1024;

    public ValidateOptionsResult Validate(string? name, ProbeOptions options)
    {
        var failures = new List<string>();
        CheckIdentifier(failures, "Site", options.Site);
        CheckIdentifier(failures, "Room", options.Room);
        if (string.IsNullOrWhiteSpace(options.SourceUrl))
        {
            failures.Add("Probe:SourceUrl is required: the URL ffmpeg reads the room's stream from (srt://, rtmp://, udp:// or a file)");
        }

        if (ProgramLocator.Find(options.Ffmpeg) is null)
        {
            failures.Add($"Probe:Ffmpeg: program '{options.Ffmpeg}' was not found on PATH (Debian package 'ffmpeg')");
        }

        if (string.IsNullOrWhiteSpace(options.Mqtt.Host))
        {
            failures.Add("Probe:Mqtt:Host is required: the broker's host name or address");
        }

        if (options.Mqtt.Port is < 1 or > 65535)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Probe:Mqtt:Port is {options.Mqtt.Port}; allowed 1-65535"));
        }

        if (options.Mqtt.CaFile is { Length: > 0 } ca && !File.Exists(ca))
        {
            failures.Add($"Probe:Mqtt:CaFile '{ca}' does not exist");
        }

        if (options.Outbox.MaxBytes < ProbeDefaults.OutboxMinBytes)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Probe:Outbox:MaxBytes is {options.Outbox.MaxBytes}; allowed at least {ProbeDefaults.OutboxMinBytes} (1 MiB), default {ProbeDefaults.OutboxMaxBytes} (1 GiB)"));
        }

        if (options.Outbox.ResendAfter < MinResendAfter || options.Outbox.ResendAfter > MaxResendAfter)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Probe:Outbox:ResendAfter is {options.Outbox.ResendAfter:c}; allowed {MinResendAfter:c} to {MaxResendAfter:c}, default {ProbeDefaults.ResendAfter:c}"));
        }

        if (options.Outbox.SyncInterval <= TimeSpan.Zero || options.Outbox.SyncInterval > ProbeDefaults.OutboxSyncInterval)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Probe:Outbox:SyncInterval is {options.Outbox.SyncInterval:c}; allowed above 0 up to {ProbeDefaults.OutboxSyncInterval:c} (at most 1 s of points at risk on power loss)"));
        }

        if (options.Outbox.SegmentBytes < MinSegmentBytes)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Probe:Outbox:SegmentBytes is {options.Outbox.SegmentBytes}; allowed at least {MinSegmentBytes}, default {ProbeDefaults.OutboxSegmentBytes}"));
        }

        CheckProfile(failures, options.Profile);
        CheckThresholds(failures, options.Thresholds);
        ObsOptionsValidation.Validate(options.Obs, failures);
        NetworkOptionsValidation.Validate(options.Network, failures);
        HostHealthOptionsValidation.Validate(options.Host, failures);
        failures.AddRange(options.Vision.Validate("Probe:Vision"));
        Lifecycle.LifecycleOptionsValidation.Validate(options.Lifecycle, failures);
        failures.AddRange(options.Display.Validate("Probe:Display"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckProfile(List<string> failures, Detection.ExpectedProfile p)
    {
        Range(failures, "Profile:Width", p.Width, 16, 7680, ProbeDefaults.ProfileWidth);
        Range(failures, "Profile:Height", p.Height, 16, 4320, ProbeDefaults.ProfileHeight);
        Range(failures, "Profile:Fps", p.Fps, 1, 240, ProbeDefaults.ProfileFps);
        Range(failures, "Profile:MinBitrate", p.MinBitrate, 0, 1e9, ProbeDefaults.ProfileMinBitrate);
        Range(failures, "Profile:MaxBitrate", p.MaxBitrate, Math.Max(1, p.MinBitrate), 1e9, ProbeDefaults.ProfileMaxBitrate);
    }

    private static void CheckThresholds(List<string> failures, Detection.ProbeThresholds t)
    {
        Range(failures, "Thresholds:FpsTolerance", t.FpsTolerance, 0, 10, ProbeDefaults.FpsTolerance);
        Range(failures, "Thresholds:SilenceFloorLufs", t.SilenceFloorLufs, -120, -20, ProbeDefaults.SilenceFloorLufs);
        Range(failures, "Thresholds:ClipLevelDbfs", t.ClipLevelDbfs, -6, 3, ProbeDefaults.ClipLevelDbfs);
        Range(failures, "Thresholds:BlackLumaP98", t.BlackLumaP98, 0, 128, ProbeDefaults.BlackLumaP98);
        Range(failures, "Thresholds:StaticPacketRatio", t.StaticPacketRatio, 0, 1, ProbeDefaults.StaticPacketRatio);
        Span(failures, "Thresholds:SilenceAfter", t.SilenceAfter, ProbeDefaults.SilenceAfter);
        Span(failures, "Thresholds:BlackAfter", t.BlackAfter, ProbeDefaults.BlackAfter);
        Span(failures, "Thresholds:FreezeAfter", t.FreezeAfter, ProbeDefaults.FreezeAfter);
    }

    private static void Range(List<string> failures, string key, double value, double min, double max, double @default)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Probe:{key} is {value}; allowed {min} to {max}, default {@default}"));
        }
    }

    private static void Span(List<string> failures, string key, TimeSpan value, TimeSpan @default)
    {
        if (value < TimeSpan.FromSeconds(1) || value > TimeSpan.FromHours(1))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Probe:{key} is {value:c}; allowed 00:00:01 to 01:00:00, default {@default:c}"));
        }
    }

    private static void CheckIdentifier(List<string> failures, string key, string value)
    {
        if (!Identifier.IsValid(value, out var reason))
        {
            failures.Add($"Probe:{key}: {reason} (1-{Identifier.MaxLength} characters: letters, digits, '-', '_', '.', starting with a letter or digit)");
        }
    }
}
