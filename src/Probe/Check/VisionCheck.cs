using LiveRoom.Probe.Frames;
using LiveRoom.Probe.Vision;
using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Check;

/// <summary>
/// The vision section of <c>liveroom-probe check --reference DIR</c> (issue 5 item 6): the worker's own
/// <see cref="VisionMonitor"/> on the sampled frames, every result kept, graded by <see cref="VisionCheckEvaluator"/>.
/// Without a usable reference in DIR the room reads "not commissioned" (a warning, never a false pass).
/// </summary>
internal sealed class VisionCheck : IFrameConsumer
{
    private readonly VisionMonitor _monitor;
    private readonly List<VisionResult> _results = [];

    public VisionCheck(string referenceDirectory, VisionOptions options)
    {
        Options = options;
        Reference = ReferenceStore.Load(referenceDirectory, out var problem);
        ReferenceProblem = problem;
        _monitor = new VisionMonitor(new CollectingSink(), options, Reference);
    }

    public VisionOptions Options { get; }

    public Reference? Reference { get; }

    public string? ReferenceProblem { get; }

    public void OnFrame(Frame frame)
    {
        _monitor.OnFrame(frame);
        if (_monitor.Last is { } last)
        {
            lock (_results)
            {
                _results.Add(last);
            }
        }
    }

    /// <summary>The graded items (call after the run).</summary>
    public List<CheckItem> Evaluate()
    {
        List<VisionResult> taken;
        lock (_results)
        {
            taken = [.. _results];
        }

        return VisionCheckEvaluator.Evaluate(taken, Reference, ReferenceProblem, Options);
    }
}
