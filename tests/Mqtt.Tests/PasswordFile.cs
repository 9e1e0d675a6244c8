using System.Diagnostics;

namespace LiveRoom.Mqtt.Tests;

/// <summary>Writes a mosquitto password file with the real <c>mosquitto_passwd</c>.</summary>
internal static class PasswordFile
{
    public static async Task WriteAsync(string path, params (string User, string Password)[] users)
    {
        foreach (var (user, password) in users)
        {
            var start = new ProcessStartInfo("mosquitto_passwd") { RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add("-b");
            if (!File.Exists(path))
            {
                start.ArgumentList.Add("-c");
            }

            start.ArgumentList.Add(path);
            start.ArgumentList.Add(user);
            start.ArgumentList.Add(password);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(process.ExitCode == 0, $"mosquitto_passwd failed: {await stderr}");
        }
    }
}
