using System.Collections.Concurrent;
using System.Reflection;
using Xunit.Sdk;

namespace LiveRoom.Testing;

/// <summary>
/// Fails a test when a task faulted and nobody observed it (a lost error from a background loop),
/// as MQTTnet's tests do. Collects garbage after each test so finalised tasks report.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class FailOnUnobservedTaskExceptionAttribute : BeforeAfterTestAttribute
{
    private static readonly ConcurrentQueue<Exception> Unobserved = new();

    static FailOnUnobservedTaskExceptionAttribute() =>
        TaskScheduler.UnobservedTaskException += (_, e) => Unobserved.Enqueue(e.Exception);

    public override void After(MethodInfo methodUnderTest)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var errors = new List<Exception>();
        while (Unobserved.TryDequeue(out var error))
        {
            errors.Add(error);
        }

        if (errors.Count > 0)
        {
            throw new AggregateException($"unobserved task exception(s) after {methodUnderTest.Name}", errors);
        }
    }
}
