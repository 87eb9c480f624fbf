using PyStd.Native;

namespace PyStd.Tests.Subprocess;

/// <summary>The internal spawn layer that Popen and the pty module share.</summary>
[Collection("Subprocess")]
public class PosixSpawnTests
{
    [Fact]
    public void File_actions_run_in_order_and_Wait_and_TryReap_decode_the_status()
    {
        string path = Path.GetTempFileName();
        try
        {
            int pid = PosixSpawn.Spawn(new SpawnRequest
            {
                Program = "sh",
                Argv = ["sh", "-c", "echo to-file; exit 7"],
                FileActions =
                [
                    new SpawnFileAction.Open(5, path, LibC.O_WRONLY | LibC.O_TRUNC, 0),
                    new SpawnFileAction.Dup2(5, 1),
                    new SpawnFileAction.Close(5),
                ],
            });
            Assert.Equal(7, PosixSpawn.Wait(pid, null));
            Assert.Equal("to-file\n", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }

        int sleeper = PosixSpawn.Spawn(new SpawnRequest { Program = "/bin/sleep", Argv = ["sleep", "100"], NewSession = true });
        Assert.Null(PosixSpawn.TryReap(sleeper));
        Assert.Null(PosixSpawn.Wait(sleeper, TimeSpan.FromMilliseconds(50)));
        Assert.Equal(sleeper, TestHost.Stat(sleeper)!.Value.Session);
        Assert.Equal(0, LibC.Kill(sleeper, 9));
        Assert.Equal(-9, PosixSpawn.Wait(sleeper, TimeSpan.FromSeconds(10)));
        Assert.Null(TestHost.Stat(sleeper));
    }

    [Fact]
    public void Exec_failures_come_back_as_CPythons_OSError()
    {
        var e = Assert.Throws<PyOSException>(() => PosixSpawn.Spawn(new SpawnRequest { Program = "pystd-none", Argv = ["x"] }));
        Assert.Equal("[Errno 2] No such file or directory: 'pystd-none'", e.Message);
        var env = Assert.Throws<PyOSException>(() => PosixSpawn.Spawn(new SpawnRequest { Program = "ls", Argv = ["ls"], Environment = ["PATH=/pystd/none"] }));
        Assert.Equal(2, env.Errno);
        Assert.Throws<ArgumentException>(() => PosixSpawn.Spawn(new SpawnRequest { Program = "true", Argv = [] }));
    }
}
