using System.Globalization;
using System.Text;

namespace LiveRoom.Runtime.Processes;

/// <summary>Runs a short-lived program (ffprobe, openssl, mosquitto_passwd…) to completion with a timeout.</summary>
public static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/>; returns exit code and both outputs.
    /// Throws <see cref="ProcessFailedException"/> when the program is missing or exceeds <paramref name="timeout"/>
    /// (then the whole tree is killed). A non-zero exit is returned, not thrown: call <see cref="ProcessResult.EnsureSuccess"/>.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        await using var child = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = name,
            FileName = fileName,
            Arguments = arguments,
            StdoutLine = line => { lock (stdout) { stdout.Append(line).Append('\n'); } },
            StderrLine = line => { lock (stderr) { stderr.Append(line).Append('\n'); } },
        });
        try
        {
            var code = await child.Exited.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            lock (stdout)
            {
                lock (stderr)
                {
                    return new ProcessResult(name, code, stdout.ToString(), stderr.ToString());
                }
            }
        }
        catch (TimeoutException)
        {
            child.Kill();
            throw new ProcessFailedException(string.Create(CultureInfo.InvariantCulture, $"{name} did not finish within {timeout.TotalSeconds:0.#} s and was killed: {child.StderrTail()}"), null, child.StderrTail());
        }
        catch (OperationCanceledException)
        {
            child.Kill();
            throw;
        }
    }
}
