using LiveRoom.Mqtt;
using LiveRoom.Probe.Outbox;
using LiveRoom.Probe.Vision;
using LiveRoom.Probe.Vision.Analysis;
using LiveRoom.Probe.Vision.Evidence;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Hosting;

/// <summary>
/// Vision evidence and commissioning (issue 5): thumbnails on an interval and on each vision/picture event, published on
/// <c>thumbnail</c> (those the broker did not confirm are replayed on every reconnect); reference capture and approval
/// from the dashboard over <c>cmd/reference</c>.
/// </summary>
internal sealed partial class ProbeWorker
{
    private EvidenceRecorder? _evidence;
    private ReferenceCommandHandler? _referenceHandler;

    /// <summary>Builds the vision monitor with its evidence recorder; returns the sink that also triggers thumbnails on events.</summary>
    private (VisionMonitor Vision, IMetricSink Sink) CreateVision(ProbeOptions o, IMetricSink sink, Reference? reference)
    {
        var evidenceDirectory = o.Vision.ResolveEvidenceDirectory(o.ReferenceDirectory);
        var candidates = new ReferenceCandidates(o.ReferenceDirectory);
        _evidence = new EvidenceRecorder(
            o.Site,
            o.Room,
            o.Vision,
            evidenceDirectory,
            new ThumbnailEncoder(o.Ffmpeg, evidenceDirectory, o.Vision.ThumbnailQuality),
            candidates,
            (topic, payload, ct) => _client!.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain: false, ct),
            loggers.CreateLogger<EvidenceRecorder>(),
            time);

        // Thumbnails not confirmed during an outage are sent again, oldest first, as soon as the broker is back.
        _client!.ConnectionChanged += OnEvidenceConnectionChanged;
        var triggering = new EvidenceTriggerSink(sink, _evidence);
        var vision = new VisionMonitor(triggering, o.Vision, reference);
        _referenceHandler = new ReferenceCommandHandler(o.Site, o.Room, _evidence, candidates, vision, time, loggers.CreateLogger<ReferenceCommandHandler>());
        return (vision, triggering);
    }

    private void OnEvidenceConnectionChanged(object? sender, MqttConnectionChangedEventArgs e)
    {
        if (e.Connected)
        {
            _evidence?.RequestReplay();
        }
    }
}
