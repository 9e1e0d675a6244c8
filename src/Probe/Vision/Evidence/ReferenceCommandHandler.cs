using System.Text.Json;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Contracts.Topics;
using LiveRoom.Mqtt;
using LiveRoom.Probe.Vision.Analysis;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Vision.Evidence;

/// <summary>
/// The edge's side of <c>cmd/reference</c> (issue 5 item 2): <c>capture</c> keeps the next sampled frame as a candidate
/// and publishes it; <c>approve</c> (retained) promotes the candidate with the technician's regions to the active
/// reference on disk and hands it to the <see cref="VisionMonitor"/>, so it is used at once and after a restart, offline
/// too. An approval of a version the edge already has (the retained message again after a reconnect) changes nothing.
/// </summary>
public sealed partial class ReferenceCommandHandler(
    string site, string room, EvidenceRecorder recorder, ReferenceCandidates candidates, VisionMonitor monitor, TimeProvider time, ILogger logger)
{
    /// <summary>The topic to subscribe to (QoS 1).</summary>
    public string Topic { get; } = Contracts.Topics.Topic.Command(site, room, CommandName.Reference);

    /// <summary>Handles one message on <see cref="Topic"/>; returns what happened (for logs and tests). Never throws.</summary>
    public string Handle(MqttMessage message)
    {
        if (message.Topic != Topic || message.Payload.IsEmpty)
        {
            return "ignored";
        }

        ReferenceCommand? command;
        try
        {
            command = JsonSerializer.Deserialize(message.Payload.Span, VisionJsonContext.Default.ReferenceCommand);
        }
        catch (JsonException ex)
        {
            return Refuse("unreadable reference command: " + ex.Message);
        }

        if (command is null)
        {
            return Refuse("empty reference command");
        }

        if (!Identifier.IsValid(command.CaptureId, out var bad))
        {
            return Refuse("reference command without a valid capture id: " + bad);
        }

        switch (command.Action)
        {
            case ReferenceCommand.Capture:
                recorder.RequestCapture(command.CaptureId);
                LogCapture(logger, command.CaptureId, command.By);
                return "capture requested";
            case ReferenceCommand.Approve:
                return Approve(command);
            default:
                return Refuse($"unknown reference action '{command.Action}'; expected capture or approve");
        }
    }

    private string Approve(ReferenceCommand command)
    {
        var current = ReferenceStore.Load(candidates.ReferenceDirectory, out _);
        if (current is not null && command.Version <= current.Version)
        {
            return $"already at version {current.Version}";
        }

        if (RegionMapping.ToLayout(command.Regions, out var problem) is not { } layout)
        {
            return Refuse("approval refused: " + problem);
        }

        var reference = candidates.Promote(command.CaptureId, layout, command.Version, command.By, time.GetUtcNow(), out var refusal);
        if (reference is null)
        {
            return Refuse("approval refused: " + refusal);
        }

        monitor.SetReference(reference);
        LogApproved(logger, command.Version, command.CaptureId, command.By);
        return $"reference version {command.Version} active";
    }

    private string Refuse(string reason)
    {
        LogRefused(logger, reason);
        return reason;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference capture {Capture} requested by {By}")]
    private static partial void LogCapture(ILogger logger, string capture, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference version {Version} (capture {Capture}, by {By}) is now active")]
    private static partial void LogApproved(ILogger logger, int version, string capture, string by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reference command refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
