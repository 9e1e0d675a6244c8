namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>Takes condition changes from the evaluator (never blocks).</summary>
public interface IConditionSink
{
    void Post(in ConditionChange change);
}
