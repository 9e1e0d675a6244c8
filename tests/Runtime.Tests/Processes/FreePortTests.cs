using System.Globalization;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Runtime.Tests.Processes;

public sealed class FreePortTests
{
    [Fact]
    public async Task Next_HandedOutPort_IsLockedAgainstOtherProcesses()
    {
        var port = FreePort.Next();

        // flock(1) in another process asks for the same exclusive lock without waiting: 75 means it is held.
        var result = await ProcessRunner.RunAsync("flock", ["--nonblock", "--conflict-exit-code", "75", LockFile(port), "true"], TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(75, result.ExitCode);
    }

    [Fact]
    public async Task TryReserve_PortLockedByAnotherProcess_Refused()
    {
        var port = Random.Shared.Next(10_000, 30_000);
        Directory.CreateDirectory(FreePort.ReservationDirectory);
        using var holder = new System.Diagnostics.Process
        {
            StartInfo = { FileName = "flock", ArgumentList = { LockFile(port), "sleep", "30" }, UseShellExecute = false },
        };
        holder.Start();
        try
        {
            // The holder takes the lock a moment after it starts: wait until flock(1) sees it held.
            await Eventually.WaitAsync(
                async () => (await ProcessRunner.RunAsync("flock", ["--nonblock", "--conflict-exit-code", "75", LockFile(port), "true"], TimeSpan.FromSeconds(10), CancellationToken.None)).ExitCode,
                code => code == 75,
                TimeSpan.FromSeconds(10),
                "the other process to hold the lock");

            Assert.False(FreePort.TryReserve(port));
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
        }
    }

    private static string LockFile(int port) => Path.Combine(FreePort.ReservationDirectory, port.ToString(CultureInfo.InvariantCulture));
}
