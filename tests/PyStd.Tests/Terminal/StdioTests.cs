using PyStd.Native;
using PyStd.Terminal;
using PyStd.Tests.Lifecycle;

namespace PyStd.Tests.Terminal;

public class StdioTests
{
    [Fact]
    public void Closing_descriptor_1_gives_the_parent_EOF_while_the_child_keeps_running()
    {
        using LifecycleHost host = LifecycleHost.Start("closeout");
        host.Expect("before");
        // The child now waits for a line on its stdin, so it cannot have exited: EOF here can only
        // come from Stdio.Close(1) (and fails after 30 s if a hidden duplicate kept the pipe open).
        Assert.Null(host.ReadLine());
        Assert.False(host.HasExited);
        host.Send("go");
        Assert.Equal(0, host.WaitForExit());
        Assert.Equal("closed\nstill running\n", host.Stderr);
    }

    [Fact]
    public void Dup_and_dup2_duplicate_descriptors_as_os_dup_does()
    {
        string path = Path.GetTempFileName();
        try
        {
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                int fd = (int)file.SafeFileHandle.DangerousGetHandle();
                int copy = Stdio.Dup(fd);
                Assert.NotEqual(fd, copy);
                Assert.Equal(LibC.FD_CLOEXEC, LibC.Fcntl(copy, LibC.F_GETFD, 0) & LibC.FD_CLOEXEC); // os.dup: non-inheritable
                Assert.Equal(copy, Stdio.Dup2(copy, copy));
                int target = Stdio.Dup(fd);
                Assert.Equal(target, Stdio.Dup2(copy, target));
                Assert.Equal(0, LibC.Fcntl(target, LibC.F_GETFD, 0) & LibC.FD_CLOEXEC); // os.dup2 default: inheritable
                Stdio.Close(copy);
                using var viaTarget = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(target, ownsHandle: true), FileAccess.Write);
                viaTarget.Write("written through the duplicate"u8);
            }

            Assert.Equal("written through the duplicate", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bad_descriptors_are_pythons_OSError()
    {
        Assert.Equal(PythonSignalTable.Error("close_-1"), Message(() => Stdio.Close(-1)));
        Assert.Equal(PythonSignalTable.Error("dup_-1"), Message(() => Stdio.Dup(-1)));
        Assert.Equal(PythonSignalTable.Error("dup2_-1"), Message(() => Stdio.Dup2(-1, 5)));

        static string Message(Action action)
        {
            var e = Assert.Throws<PyOSException>(action);
            Assert.Equal(9, e.Errno);
            return $"{e.PythonName}|{e.Message}";
        }
    }
}
