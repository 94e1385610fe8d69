using System.Globalization;

namespace CollabPlatform.Benchmarks.Scenarios;

/// <summary>
/// A feed cursor as the benchmark checks it. The contract calls cursors opaque; the benchmark reads
/// them only to verify order and exactly-once delivery against the ledger table it owns.
/// </summary>
internal readonly record struct FeedCursor(ulong Transaction, long Position) : IComparable<FeedCursor>
{
    public int CompareTo(FeedCursor other) =>
        Transaction != other.Transaction ? Transaction.CompareTo(other.Transaction) : Position.CompareTo(other.Position);

    public static bool operator >(FeedCursor left, FeedCursor right) => left.CompareTo(right) > 0;

    public static bool operator <(FeedCursor left, FeedCursor right) => left.CompareTo(right) < 0;

    public static bool operator >=(FeedCursor left, FeedCursor right) => left.CompareTo(right) >= 0;

    public static bool operator <=(FeedCursor left, FeedCursor right) => left.CompareTo(right) <= 0;

    public static FeedCursor Parse(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return new FeedCursor(
            ulong.Parse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture),
            long.Parse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    /// <summary>A 64-bit mix of the cursor; the sum over a set of events identifies the set.</summary>
    public ulong Fingerprint()
    {
        var x = (Transaction * 0x9E3779B97F4A7C15UL) ^ (ulong)Position;
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB93F53FE1A85UL;
        return x ^ (x >> 33);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Transaction}.{Position}");
}
