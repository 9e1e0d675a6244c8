using LiveRoom.Probe.Lifecycle;

namespace LiveRoom.Probe.Tests.Lifecycle;

public sealed class LifecycleOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoFailure()
    {
        var failures = new List<string>();
        LifecycleOptionsValidation.Validate(new LifecycleOptions(), failures);
        Assert.Empty(failures);
    }

    [Fact]
    public void Validate_DeadlineNotBeforeTheChecklistStarts_NamesTheKeyAndRange()
    {
        var failures = new List<string>();
        LifecycleOptionsValidation.Validate(new LifecycleOptions { ChecklistLead = TimeSpan.FromMinutes(5), ReadyDeadline = TimeSpan.FromMinutes(10), RecheckInterval = TimeSpan.Zero }, failures);
        Assert.Equal(
            ["Probe:Lifecycle:ReadyDeadline is 00:10:00; allowed 00:00:00 to 00:04:59, default 00:10:00", "Probe:Lifecycle:RecheckInterval is 00:00:00; allowed 00:00:01 to 00:30:00, default 00:01:00"],
            failures);
    }
}
