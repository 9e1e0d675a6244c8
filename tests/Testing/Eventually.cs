using LiveRoom.Runtime.Processes;
using Xunit;

namespace LiveRoom.Testing;

/// <summary>Polls a condition with a deadline (no fixed sleeps): for waiting on real processes and services.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds} s waiting for {what}; last value: {last}");
            }

            await Task.Delay(100);
        }
    }

    public static Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        WaitAsync(() => Task.FromResult(condition()), ok => ok, timeout, what);

    /// <summary>Waits until <paramref name="url"/> answers a success (a server the test started); fails at once, with its stderr, when <paramref name="process"/> exits first.</summary>
    public static Task AnswersAsync(Uri url, ChildProcess process, TimeSpan timeout, string what) =>
        WaitAsync(
            async () =>
            {
                Assert.False(process.HasExited, $"{process.Name} exited: {process.StderrTail()}");
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                try
                {
                    using var response = await http.GetAsync(url);
                    return response.IsSuccessStatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            ok => ok,
            timeout,
            what);
}
