namespace LiveRoom.Probe.Detection;

/// <summary>The state of one checked condition at one moment (active = the problem is present).</summary>
public readonly record struct Condition(string Type, bool Active, double? Value, double? Threshold, string Message);
