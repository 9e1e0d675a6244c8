using System.Globalization;
using LiveRoom.Probe.Outbox;

namespace LiveRoom.Probe.Tests;

/// <summary>
/// Entry point of the test assembly when run as a program (<c>dotnet LiveRoom.Probe.Tests.dll MODE ...</c>): helper
/// processes that tests kill for real. The test host never calls it.
/// </summary>
public static class TestHelperProgram
{
    public const string OutboxWriterMode = "outbox-writer";

    public static int Main(string[] args)
    {
        if (args is [OutboxWriterMode, var directory])
        {
            RunOutboxWriter(directory);
            return 0;
        }

        Console.Error.WriteLine("usage: outbox-writer DIR");
        return 2;
    }

    /// <summary>Appends points (field <c>value</c> = seq) for ever; after every group commit prints <c>durable N</c>.</summary>
    private static void RunOutboxWriter(string directory)
    {
        using var outbox = DiskOutbox.Open(new OutboxOptions { Directory = directory, SegmentBytes = 64 * 1024 }, TimeProvider.System);
        for (long i = 1; ; i++)
        {
            outbox.Append(Outbox.OutboxTestData.Point(i, outbox.NextSeq));
            if (i % 100 == 0)
            {
                outbox.Sync();
                Console.Out.WriteLine("durable " + outbox.DurableSeq.ToString(CultureInfo.InvariantCulture));
                Console.Out.Flush();
            }
        }
    }
}
