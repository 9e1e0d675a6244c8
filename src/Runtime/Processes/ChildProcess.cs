using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Runtime.Processes;

/// <summary>
/// A tracked long-running child program (ffmpeg, ffprobe, mosquitto, influxd, a LiveRoom service):
/// both pipes drained concurrently, the stderr tail kept for error messages, stopped with SIGTERM then
/// SIGKILL of the whole tree, and killed when this process exits (STYLE.md rule 9).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, ChildProcess> Live = new();
    private readonly Process _process;
    private readonly ChildProcessStartInfo _info;
    private readonly ILogger? _logger;
    private readonly Queue<string> _stderrTail = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    static ChildProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    private ChildProcess(Process process, ChildProcessStartInfo info, ILogger? logger)
    {
        _process = process;
        _info = info;
        _logger = logger;
    }

    public string Name => _info.Name;

    public int Id { get; private set; }

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Exit code once exited (128+signal for a signal death, as the shell reports it).</summary>
    public int? ExitCode => _exited.Task.IsCompletedSuccessfully ? _exited.Task.Result : null;

    /// <summary>Completes with the exit code when the process has exited and both pipes are drained.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Starts the program. Throws <see cref="ProcessFailedException"/> naming the program if it cannot start.</summary>
    public static ChildProcess Start(ChildProcessStartInfo info, ILogger? logger = null)
    {
        var path = ProgramLocator.Find(info.FileName)
            ?? throw new ProcessFailedException($"{info.Name}: program '{info.FileName}' was not found on PATH");
        var setsid = info.OwnProcessGroup ? ProgramLocator.Find("setsid") : null;
        var psi = new ProcessStartInfo(setsid ?? path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = info.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        if (setsid is not null)
        {
            psi.ArgumentList.Add(path);
        }

        foreach (var arg in info.Arguments)
        {
            psi.ArgumentList.Add(arg);
        }

        if (info.Environment is not null)
        {
            foreach (var (key, value) in info.Environment)
            {
                psi.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var child = new ChildProcess(process, info, logger);
        process.OutputDataReceived += (_, e) => child.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnStderr(e.Data);
        process.Exited += (_, _) => child.OnExited();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new ProcessFailedException($"{info.Name}: could not start '{path}': {ex.Message}", ex);
        }

        child.Id = process.Id;
        Live[child.Id] = child;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The last stderr lines, joined with " | ", for error messages.</summary>
    public string StderrTail(int lines = 10)
    {
        lock (_stderrTail)
        {
            return string.Join(" | ", _stderrTail.Skip(Math.Max(0, _stderrTail.Count - lines)));
        }
    }

    public Task<int> WaitForExitAsync(CancellationToken cancellationToken) =>
        _exited.Task.WaitAsync(cancellationToken);

    /// <summary>Sends a POSIX signal to the process (not its children).</summary>
    public bool Signal(int signal) => !HasExited && NativeSignals.Send(Id, signal);

    /// <summary>SIGTERM, wait up to <paramref name="grace"/>, then SIGKILL the whole tree.</summary>
    public async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        if (HasExited)
        {
            return;
        }

        Signal(NativeSignals.SigTerm);
        try
        {
            await _exited.Task.WaitAsync(grace, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Kill();
            await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILL the process and every descendant at once (what a crash looks like).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited between the check and the kill.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>Kills every child still running; called when this process exits.</summary>
    public static void KillAll()
    {
        foreach (var child in Live.Values)
        {
            child.Kill();
        }
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            _stdoutClosed.TrySetResult();
            return;
        }

        Invoke(_info.StdoutLine, line);
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            _stderrClosed.TrySetResult();
            return;
        }

        lock (_stderrTail)
        {
            _stderrTail.Enqueue(line);
            while (_stderrTail.Count > _info.StderrTailLines)
            {
                _stderrTail.Dequeue();
            }
        }

        Invoke(_info.StderrLine, line);
    }

    private void Invoke(Action<string>? callback, string line)
    {
        try
        {
            callback?.Invoke(line);
        }
        catch (Exception ex)
        {
            // One bad line never stops the reader (STYLE.md rule 11).
            _logger?.LogWarning(ex, "Output handler of {Child} failed on a line", Name);
        }
    }

    private void OnExited()
    {
        _ = Task.Run(async () =>
        {
            // Exited fires before the pipes are drained; wait for both so no output is lost.
            await Task.WhenAny(Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task), Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
            int code;
            try
            {
                code = _process.ExitCode;
            }
            catch (InvalidOperationException)
            {
                code = -1;
            }

            Live.TryRemove(Id, out _);
            _exited.TrySetResult(code);
        });
    }
}
