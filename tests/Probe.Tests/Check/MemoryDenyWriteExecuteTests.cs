using LiveRoom.Probe.Tests.Fixtures;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Check;

/// <summary>
/// The probe's systemd unit sets <c>MemoryDenyWriteExecute=yes</c> (decision 0018): the native probe and its ffmpeg
/// reader never need memory that is writable and executable. Checked with the seccomp filter systemd installs for that
/// setting (<c>mmap</c> with both <c>PROT_WRITE</c> and <c>PROT_EXEC</c>, and <c>mprotect</c>/<c>pkey_mprotect</c>
/// with <c>PROT_EXEC</c>, fail with EPERM; inherited across fork and exec), set by a small helper compiled here with gcc:
/// a JIT-compiled .NET program must fail under it (so the restriction is really on), the shipped probe must run a whole
/// <c>check</c>.
/// </summary>
public sealed class MemoryDenyWriteExecuteTests
{
    private const string HelperSource = """
        #include <stdio.h>
        #include <string.h>
        #include <errno.h>
        #include <stddef.h>
        #include <unistd.h>
        #include <sys/prctl.h>
        #include <sys/mman.h>
        #include <sys/syscall.h>
        #include <linux/audit.h>
        #include <linux/filter.h>
        #include <linux/seccomp.h>
        int main(int argc, char **argv) {
            struct sock_filter f[] = {
                BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
                BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
                BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
                BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
                BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_mmap, 0, 3),
                BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[2])),
                BPF_STMT(BPF_ALU | BPF_AND | BPF_K, PROT_EXEC | PROT_WRITE),
                BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PROT_EXEC | PROT_WRITE, 6, 5),
                BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_mprotect, 1, 0),
                BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_pkey_mprotect, 0, 3),
                BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[2])),
                BPF_STMT(BPF_ALU | BPF_AND | BPF_K, PROT_EXEC),
                BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PROT_EXEC, 1, 0),
                BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
                BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
            };
            struct sock_fprog prog = { .len = sizeof f / sizeof f[0], .filter = f };
            if (argc < 2) { fprintf(stderr, "usage: mdwe-exec PROGRAM [ARGS]\n"); return 64; }
            if (prctl(PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) {
                fprintf(stderr, "seccomp: %s\n", strerror(errno)); return 65;
            }
            execvp(argv[1], argv + 1);
            fprintf(stderr, "exec %s: %s\n", argv[1], strerror(errno));
            return 66;
        }
        """;

    [Fact]
    public async Task NativeProbe_UnderMemoryDenyWriteExecute_ChecksAStream()
    {
        var probe = ProbeExecutable.Path;
        Assert.True(
            ProbeExecutable.IsNative(probe),
            $"{probe} is the JIT apphost; this test needs the native probe (make test publishes it and sets {ProbeExecutable.Variable})");
        using var dir = new TempDirectory("mdwe");
        var helper = await BuildHelperAsync(dir);

        // The JIT-compiled probe built next to these tests answers a bare `check` with its usage (exit 2); under MDWE
        // the JIT cannot map its code and the process dies first.
        var jitProbe = Path.Combine(AppContext.BaseDirectory, "liveroom-probe");
        var jit = await ProcessRunner.RunAsync(helper, [jitProbe, "check"], TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.False(
            jit.ExitCode == 2 || jit.Stderr.Contains("--source is required", StringComparison.Ordinal),
            "the JIT-compiled probe ran under MDWE: the restriction is not in force, so this test would show nothing");

        var check = await ProcessRunner.RunAsync(helper, [probe, "check", "--source", await TestStreams.At720p(), "--duration", "7s"], TimeSpan.FromSeconds(90), CancellationToken.None);
        Assert.True(check.ExitCode == 1, $"exit {check.ExitCode}: {check.Stdout}{check.Stderr}"); // 720p fails the profile: a full report, every item measured
        Assert.Contains("FAIL  resolution         1280x720", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("PASS  frame_rate", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("PASS  audio", check.Stdout, StringComparison.Ordinal);
    }

    private static async Task<string> BuildHelperAsync(TempDirectory dir)
    {
        Assert.True(ProgramLocator.Find("gcc") is not null, "gcc is missing (scripts/install.sh installs g++, which brings it)");
        var source = dir.Combine("mdwe-exec.c");
        await File.WriteAllTextAsync(source, HelperSource);
        var output = dir.Combine("mdwe-exec");
        var build = await ProcessRunner.RunAsync("gcc", ["-O2", "-o", output, source], TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.True(build.ExitCode == 0, build.Stderr);
        return output;
    }
}
