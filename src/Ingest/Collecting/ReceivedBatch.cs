using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.Acking;

namespace LiveRoom.Ingest.Collecting;

/// <summary>A validated batch on its way from the MQTT dispatcher to the writer.</summary>
internal readonly record struct ReceivedBatch(EdgeKey Edge, MetricBatch Batch);
