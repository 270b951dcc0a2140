using System.Runtime.InteropServices;

namespace Portolan.Nftables.Lab;

/// <summary>
/// Runs code with the calling thread inside a named network namespace (/run/netns/NAME, as `ip netns add`
/// makes). Sockets belong to the namespace they were created in, whichever thread later uses them, so
/// listeners and probes need no helper process. Each call uses a fresh thread that ends afterwards: no
/// pool thread is ever left in a lab namespace.
/// </summary>
public static class Netns
{
    private const int CloneNewNet = 0x40000000;

    public static string PathOf(string name) => $"/run/netns/{name}";

    public static T Run<T>(string name, Func<T> work) => RunAsync(name, work).GetAwaiter().GetResult();

    /// <summary>As <see cref="Run{T}"/>, without blocking a pool thread while the namespace thread works.</summary>
    public static Task<T> RunAsync<T>(string name, Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle(PathOf(name), FileMode.Open, FileAccess.Read);
                // setns(2) with CLONE_NEWNET is allowed in a multithreaded process; it moves this thread only.
                if (SetNs((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new LabException($"cannot enter network namespace {name}: errno {Marshal.GetLastPInvokeError()}");
                }
                done.SetResult(work());
            }
            catch (LabException e)
            {
                done.SetException(e);
            }
            catch (Exception e)
            {
                done.SetException(new LabException($"in network namespace {name}: {e.Message}"));
            }
        })
        { IsBackground = true, Name = $"netns {name}" };
        thread.Start();
        return done.Task;
    }

    // DllImport, not LibraryImport: the generated stub would need unsafe code in this project.
    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static extern int SetNs(int fd, int nstype);
}
