namespace LiveRoom.Probe.Obs;

/// <summary>
/// A counter's value and its change over the last interval (null on the first reading or after the counter went
/// backwards, i.e. the output restarted: then the delta is the new value, counted from zero).
/// </summary>
internal readonly record struct ObsCounter(long Total, long? Delta);
