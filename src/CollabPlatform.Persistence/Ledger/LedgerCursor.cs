using System.Globalization;

namespace CollabPlatform.Persistence.Ledger;

/// <summary>
/// A position in the total order of committed ledger events: the writing transaction's id, then
/// the row's position within it. Transaction ids only become readable once every older transaction
/// has finished, so a reader that advances this cursor never steps over a commit that lands later.
/// </summary>
public readonly record struct LedgerCursor(ulong TransactionId, long Position) : IComparable<LedgerCursor>
{
    /// <summary>Before the first event.</summary>
    public static LedgerCursor Start => default;

    public int CompareTo(LedgerCursor other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Position.CompareTo(other.Position);
    }

    public static bool operator <(LedgerCursor left, LedgerCursor right) => left.CompareTo(right) < 0;

    public static bool operator >(LedgerCursor left, LedgerCursor right) => left.CompareTo(right) > 0;

    public static bool operator <=(LedgerCursor left, LedgerCursor right) => left.CompareTo(right) <= 0;

    public static bool operator >=(LedgerCursor left, LedgerCursor right) => left.CompareTo(right) >= 0;

    /// <summary>The opaque token given to clients: <c>tx.position</c> in decimal.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{TransactionId}.{Position}");

    /// <summary>Parses a token written by <see cref="ToString"/>; the empty token is the start.</summary>
    public static bool TryParse(string? token, out LedgerCursor cursor)
    {
        cursor = Start;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !ulong.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var tx)
            || !long.TryParse(token.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return false;
        }

        cursor = new LedgerCursor(tx, position);
        return true;
    }
}
