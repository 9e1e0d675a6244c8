using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Evidence;

namespace LiveRoom.Dashboard.References;

/// <summary>
/// Pushes approved references to the edges (issue 5 item 2): retained on <c>cmd/reference</c>, so an edge that was offline
/// gets the newest at its next connect; every room's newest is published again after the dashboard's own reconnect.
/// </summary>
internal sealed class ReferencePublisher(EvidenceLink link, ReferenceRepository repository)
{
    public static byte[] Approval(ReferenceRecord r) => JsonSerializer.SerializeToUtf8Bytes(
        new ReferenceCommand
        {
            V = SchemaVersion.Current,
            Action = ReferenceCommand.Approve,
            CaptureId = r.CaptureId,
            Version = r.Version,
            Regions = r.Regions,
            By = r.By,
            Ts = r.At.ToUnixTimeMilliseconds(),
        },
        VisionJsonContext.Default.ReferenceCommand);

    public Task PublishAsync(ReferenceRecord r, CancellationToken cancellationToken) =>
        link.PublishAsync(Topic.Command(r.Site, r.Room, CommandName.Reference), Approval(r), retain: true, cancellationToken);

    /// <summary>Every room's newest version, retained (after a reconnect).</summary>
    public async Task PublishAllAsync(CancellationToken cancellationToken)
    {
        foreach (var r in repository.Latest())
        {
            await PublishAsync(r, cancellationToken).ConfigureAwait(false);
        }
    }
}
