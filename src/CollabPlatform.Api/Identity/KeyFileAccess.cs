using System.Globalization;
using System.Runtime.InteropServices;

namespace CollabPlatform.Api.Identity;

/// <summary>
/// Whether a private key file is the Host's alone, as ssh demands of its keys: mode 0600 (no
/// access for group or others) and owned by the user the Host runs as. Not checked on Windows,
/// whose files have ACLs instead.
/// </summary>
public static class KeyFileAccess
{
    private const UnixFileMode OthersAndGroup =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>What is wrong with the file's mode or owner, or null when only the Host's user may use it.</summary>
    public static string? Describe(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & OthersAndGroup) != 0)
        {
            return $"{path} has mode {Octal(mode)}, so others may read the key; it must be 0600 (chmod 0600 {path})";
        }

        if (OperatingSystem.IsLinux() && OwnerOf(path) is { } owner && owner != NativeMethods.geteuid())
        {
            return $"{path} belongs to uid {owner.ToString(CultureInfo.InvariantCulture)}, not to the Host's user (uid {NativeMethods.geteuid().ToString(CultureInfo.InvariantCulture)}); "
                + $"chown it to that user, or delete it and let the Host create its own";
        }

        return null;
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');

    // statx(2) rather than stat(2): its buffer has the same layout on every architecture.
    private static uint? OwnerOf(string path)
    {
        const int AtFdCwd = -100;
        const uint StatxUid = 0x8;
        const int UidOffset = 20;
        var buffer = new byte[256];
        var name = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        return NativeMethods.statx(AtFdCwd, name, 0, StatxUid, buffer) == 0 ? BitConverter.ToUInt32(buffer, UidOffset) : null;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int statx(int dirfd, byte[] pathname, int flags, uint mask, [Out] byte[] buffer);

        [DllImport("libc")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern uint geteuid();
    }
}
