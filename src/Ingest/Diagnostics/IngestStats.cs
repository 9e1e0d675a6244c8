using System.Globalization;
using System.Text;

namespace LiveRoom.Ingest.Diagnostics;

/// <summary>A snapshot of the collector's counters (points unless the name says otherwise).</summary>
public sealed record IngestStats
{
    /// <summary>MQTT messages received on room topics.</summary>
    public long MessagesReceived { get; init; }

    /// <summary>Messages on channels the collector does not store (status, state, display, ack, cmd).</summary>
    public long MessagesIgnored { get; init; }

    /// <summary>Points in accepted batches.</summary>
    public long PointsReceived { get; init; }

    /// <summary>Points InfluxDB confirmed (refused lines excluded).</summary>
    public long PointsStored { get; init; }

    /// <summary>Rejected messages by reason code (<see cref="Contracts.Validation.RejectReasonCodes"/>).</summary>
    public IReadOnlyDictionary<string, long> Rejected { get; init; } = new Dictionary<string, long>();

    /// <summary>Sum of <see cref="Rejected"/>.</summary>
    public long RejectedTotal => Rejected.Values.Sum();

    /// <summary>Lines InfluxDB refused (HTTP 400) and that went to the dead-letter topic.</summary>
    public long LinesDeadLettered { get; init; }

    /// <summary>HTTP 400 answers (partial writes).</summary>
    public long PartialWrites { get; init; }

    /// <summary>Points written to the spill buffer.</summary>
    public long PointsSpilled { get; init; }

    /// <summary>Points written to InfluxDB from the spill buffer.</summary>
    public long PointsDrained { get; init; }

    /// <summary>Spill records not yet drained (0 when InfluxDB is keeping up).</summary>
    public long SpillPending { get; init; }

    /// <summary>Retried write attempts.</summary>
    public long Retries { get; init; }

    /// <summary>Successful <c>/write</c> requests.</summary>
    public long Writes { get; init; }

    /// <summary>Acknowledgements published.</summary>
    public long AcksPublished { get; init; }

    /// <summary>Messages whose handling failed unexpectedly (caught, dead-lettered).</summary>
    public long Failures { get; init; }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"received {MessagesReceived} msgs/{PointsReceived} pts, stored {PointsStored}, ");
        text.Append(CultureInfo.InvariantCulture, $"rejected {RejectedTotal}");
        if (Rejected.Count > 0)
        {
            text.Append(" (").AppendJoin(", ", Rejected.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value}"))).Append(')');
        }

        text.Append(CultureInfo.InvariantCulture, $", dead-lettered lines {LinesDeadLettered}, partial writes {PartialWrites}, spilled {PointsSpilled}, drained {PointsDrained}, ");
        text.Append(CultureInfo.InvariantCulture, $"spill pending {SpillPending}, retries {Retries}, writes {Writes}, acks {AcksPublished}, failures {Failures}, ignored {MessagesIgnored}");
        return text.ToString();
    }
}
