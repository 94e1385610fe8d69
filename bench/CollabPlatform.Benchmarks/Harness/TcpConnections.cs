using System.Globalization;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>Open TCP connections to a local port, from /proc/net/tcp: how many HTTP/2 connections the clients hold.</summary>
internal static class TcpConnections
{
    private const string Established = "01";

    /// <summary>Client-side sockets in state ESTABLISHED whose remote end is <paramref name="port"/>.</summary>
    public static int To(int port)
    {
        var count = 0;
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 3 && fields[3] == Established
                    && int.Parse(fields[2].AsSpan(fields[2].IndexOf(':', StringComparison.Ordinal) + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
