using System.Globalization;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>Progress lines on the console, with the time of day.</summary>
internal static class Log
{
    public static void Line(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {message}"));
}
