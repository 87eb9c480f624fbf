using System.Runtime.InteropServices;

namespace PyStd.Native;

/// <summary>
/// Process creation and waiting: glibc's <c>posix_spawn</c> family, <c>waitid</c>, <c>pidfd_open</c>,
/// and the few descriptor calls the subprocess module needs beyond <see cref="LibC"/>'s shared ones.
/// The <c>posix_spawn*</c> calls return an error number instead of setting errno.
/// </summary>
internal static partial class LibC
{
    /// <summary><c>ENOENT</c>: no such file or directory.</summary>
    public const int ENOENT = 2;

    /// <summary><c>EACCES</c>: permission denied.</summary>
    public const int EACCES = 13;

    /// <summary><c>ENOTDIR</c>: not a directory.</summary>
    public const int ENOTDIR = 20;

    /// <summary><c>ENOSYS</c>: system call not implemented.</summary>
    public const int ENOSYS = 38;

    /// <summary><c>EPIPE</c>: the reading end of a pipe is closed.</summary>
    public const int EPIPE = 32;

    /// <summary><c>O_RDONLY</c>.</summary>
    public const int O_RDONLY = 0;

    /// <summary><c>O_WRONLY</c>.</summary>
    public const int O_WRONLY = 1;

    /// <summary><c>O_RDWR</c>.</summary>
    public const int O_RDWR = 2;

    /// <summary><c>O_CREAT</c>.</summary>
    public const int O_CREAT = 0x40;

    /// <summary><c>O_TRUNC</c>.</summary>
    public const int O_TRUNC = 0x200;

    /// <summary><c>O_APPEND</c>.</summary>
    public const int O_APPEND = 0x400;

    /// <summary><c>O_DIRECTORY</c> (Linux).</summary>
    public const int O_DIRECTORY = 0x10000;

    /// <summary><c>O_PATH</c> (Linux).</summary>
    public const int O_PATH = 0x200000;

    /// <summary><c>O_NOCTTY</c> (Linux).</summary>
    public const int O_NOCTTY = 0x100;

    /// <summary><c>F_DUPFD_CLOEXEC</c>.</summary>
    public const int F_DUPFD_CLOEXEC = 1030;

    /// <summary><c>F_SETPIPE_SZ</c> (Linux).</summary>
    public const int F_SETPIPE_SZ = 1031;

    /// <summary><c>F_GETPIPE_SZ</c> (Linux).</summary>
    public const int F_GETPIPE_SZ = 1032;

    /// <summary><c>F_OK</c> for <see cref="Access"/>.</summary>
    public const int F_OK = 0;

    /// <summary><c>X_OK</c> for <see cref="Access"/>.</summary>
    public const int X_OK = 1;

    /// <summary><c>POSIX_SPAWN_SETPGROUP</c>.</summary>
    public const short POSIX_SPAWN_SETPGROUP = 0x02;

    /// <summary><c>POSIX_SPAWN_SETSIGDEF</c>.</summary>
    public const short POSIX_SPAWN_SETSIGDEF = 0x04;

    /// <summary><c>POSIX_SPAWN_SETSIGMASK</c>.</summary>
    public const short POSIX_SPAWN_SETSIGMASK = 0x08;

    /// <summary><c>POSIX_SPAWN_SETSID</c> (glibc 2.26).</summary>
    public const short POSIX_SPAWN_SETSID = 0x80;

    /// <summary><c>P_PID</c> for <see cref="WaitId"/>.</summary>
    public const int P_PID = 1;

    /// <summary><c>WEXITED</c> for <see cref="WaitId"/>.</summary>
    public const int WEXITED = 4;

    /// <summary><c>WNOWAIT</c>: leave the child waitable.</summary>
    public const int WNOWAIT = 0x01000000;

    /// <summary>Bytes reserved for a <c>posix_spawn_file_actions_t</c> (80 on glibc x86_64).</summary>
    public const int SpawnFileActionsSize = 256;

    /// <summary>Bytes reserved for a <c>posix_spawnattr_t</c> (336 on glibc x86_64).</summary>
    public const int SpawnAttrSize = 512;

    /// <summary>Bytes of a glibc <c>sigset_t</c> (1024 bits).</summary>
    public const int SigSetSize = 128;

    /// <summary>Bytes of a <c>siginfo_t</c>.</summary>
    public const int SigInfoSize = 128;

    /// <summary>The <c>pidfd_open</c> system call number (x86_64 and the unified table of newer ABIs).</summary>
    private const nint SysPidfdOpen = 434;

    [LibraryImport(Lib, EntryPoint = "posix_spawn")]
    public static unsafe partial int PosixSpawn(int* pid, byte* path, void* fileActions, void* attr, byte** argv, byte** envp);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_init")]
    public static unsafe partial int SpawnFileActionsInit(void* fileActions);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_destroy")]
    public static unsafe partial int SpawnFileActionsDestroy(void* fileActions);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static unsafe partial int SpawnFileActionsAddDup2(void* fileActions, int fd, int newFd);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_addopen")]
    public static unsafe partial int SpawnFileActionsAddOpen(void* fileActions, int fd, byte* path, int flags, uint mode);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_addclose")]
    public static unsafe partial int SpawnFileActionsAddClose(void* fileActions, int fd);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_addfchdir_np")]
    public static unsafe partial int SpawnFileActionsAddFchdir(void* fileActions, int fd);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_addclosefrom_np")]
    public static unsafe partial int SpawnFileActionsAddCloseFrom(void* fileActions, int lowFd);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_init")]
    public static unsafe partial int SpawnAttrInit(void* attr);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_destroy")]
    public static unsafe partial int SpawnAttrDestroy(void* attr);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setflags")]
    public static unsafe partial int SpawnAttrSetFlags(void* attr, short flags);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setsigdefault")]
    public static unsafe partial int SpawnAttrSetSigDefault(void* attr, void* sigset);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setsigmask")]
    public static unsafe partial int SpawnAttrSetSigMask(void* attr, void* sigset);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setpgroup")]
    public static unsafe partial int SpawnAttrSetPGroup(void* attr, int pgroup);

    [LibraryImport(Lib, EntryPoint = "sigemptyset")]
    public static unsafe partial int SigEmptySet(void* sigset);

    [LibraryImport(Lib, EntryPoint = "waitid", SetLastError = true)]
    public static unsafe partial int WaitId(int idType, int id, void* info, int options);

    [LibraryImport(Lib, EntryPoint = "open", SetLastError = true)]
    public static unsafe partial int Open(byte* path, int flags, uint mode);

    [LibraryImport(Lib, EntryPoint = "access", SetLastError = true)]
    public static unsafe partial int Access(byte* path, int mode);

    [LibraryImport(Lib, EntryPoint = "getpgid", SetLastError = true)]
    public static partial int GetPGid(int pid);

    [LibraryImport(Lib, EntryPoint = "getsid", SetLastError = true)]
    public static partial int GetSid(int pid);

    [LibraryImport(Lib, EntryPoint = "syscall", SetLastError = true)]
    private static partial nint Syscall2(nint number, nint arg1, nint arg2);

    /// <summary><c>open(2)</c> of a path, called again while a signal interrupts it (<c>EINTR</c>).</summary>
    /// <param name="path">The file (UTF-8 on the way to the kernel).</param>
    /// <param name="flags"><c>O_*</c> flags.</param>
    /// <param name="mode">Permission bits for a created file (less the umask).</param>
    /// <returns>The descriptor, or -1 with errno set (never <c>EINTR</c>).</returns>
    public static unsafe int OpenRetrying(string path, int flags, uint mode)
    {
        byte[] bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
        System.Text.Encoding.UTF8.GetBytes(path, bytes);
        fixed (byte* p = bytes)
        {
            int fd;
            while ((fd = Open(p, flags, mode)) == -1 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == EINTR)
            {
            }

            return fd;
        }
    }

    /// <summary><c>pidfd_open(pid, 0)</c> (Linux 5.3): a descriptor that polls readable when the process exits.</summary>
    /// <param name="pid">The process.</param>
    /// <returns>The descriptor, or -1 with errno set.</returns>
    public static int PidfdOpen(int pid) => (int)Syscall2(SysPidfdOpen, pid, 0);
}
